using System.Globalization;
using System.Text.RegularExpressions;

namespace PostGuard.Cli.Input;

/// <summary>
/// Scheduled times. A time written without an offset (<c>2025-03-14 09:00</c>, a scheduler's <c>14/03/2025 09:00</c>)
/// is UK local time (Europe/London, GMT or BST), because that is what a UK school's scheduler means; an explicit
/// offset or <c>Z</c> is kept.
/// </summary>
internal static partial class UkTime
{
    private static readonly TimeZoneInfo s_london = FindLondon();

    [GeneratedRegex(@"(?:Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();

    /// <summary>Parses an ISO 8601 date or date-time; false when it is not one.</summary>
    public static bool TryParseIso(string text, out DateTimeOffset value)
    {
        text = text.Trim();
        if (ExplicitOffset().IsMatch(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = FromLocal(local);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses with one of <paramref name="formats"/> (UK local time), falling back to ISO 8601.</summary>
    public static bool TryParse(string text, IReadOnlyList<string> formats, out DateTimeOffset value)
    {
        text = text.Trim();
        foreach (var format in formats)
        {
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                value = FromLocal(local);
                return true;
            }
        }

        return TryParseIso(text, out value);
    }

    /// <summary>A wall-clock time in London as an instant.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, s_london.GetUtcOffset(local));
    }

    private static TimeZoneInfo FindLondon()
    {
        foreach (var id in new[] { "Europe/London", "GMT Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
            }
        }

        return TimeZoneInfo.Utc;
    }
}
