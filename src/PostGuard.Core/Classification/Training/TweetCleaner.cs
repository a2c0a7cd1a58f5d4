using System.Text;
using System.Text.RegularExpressions;

namespace PostGuard.Classification;

/// <summary>
/// Removes the markup that tells the corpora apart (so the model learns toxicity, not which corpus a text
/// came from): retweet marks, handles and <c>@user</c>, links and the <c>URL</c> placeholder, leftover HTML
/// entities, hashtag signs, and mis-decoded UTF-8 (mojibake) where it can be repaired or recognised cheaply.
/// Used on training and evaluation data only; school posts reach the classifier through the engine's normaliser.
/// </summary>
internal static partial class TweetCleaner
{
    private static readonly Encoding s_cp1252 = CreateCp1252();

    /// <summary>The cleaned text (possibly empty).</summary>
    public static string Clean(string text)
    {
        string s = RepairMojibake(text);
        s = Links().Replace(s, " ");
        s = Handles().Replace(s, " ");
        s = Retweet().Replace(s, " ");
        s = UrlPlaceholder().Replace(s, " ");
        s = Entities().Replace(s, " ");
        s = s.Replace('#', ' ');
        s = Mojibake().Replace(s, " ");
        s = Spaces().Replace(s, " ").Trim();
        return s;
    }

    /// <summary>
    /// Re-decodes text that was UTF-8 read as Windows-1252 (<c>â€™</c> → <c>’</c>, <c>Ã±</c> → <c>ñ</c>) when the
    /// round trip is exact; otherwise returns the text unchanged (the leftovers are removed by <see cref="Clean"/>).
    /// </summary>
    public static string RepairMojibake(string text)
    {
        if (s_cp1252 is null || !LooksLikeMojibake(text))
        {
            return text;
        }

        try
        {
            byte[] bytes = s_cp1252.GetBytes(text);
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (Exception ex) when (ex is EncoderFallbackException or DecoderFallbackException or ArgumentException)
        {
            return text;
        }
    }

    private static bool LooksLikeMojibake(string text) =>
        text.Contains("Ã", StringComparison.Ordinal) || text.Contains("â€", StringComparison.Ordinal)
        || text.Contains("ðŸ", StringComparison.Ordinal) || text.Contains('Â', StringComparison.Ordinal);

    private static Encoding CreateCp1252()
    {
        return CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            ?? throw new InvalidOperationException("Windows-1252 is not available.");
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)\S*|\bt\.co/\S*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Links();

    [GeneratedRegex(@"@\w+:?", RegexOptions.CultureInvariant)]
    private static partial Regex Handles();

    [GeneratedRegex(@"(?<![\w])RT\b:?", RegexOptions.CultureInvariant)]
    private static partial Regex Retweet();

    [GeneratedRegex(@"\bURL\b", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPlaceholder();

    [GeneratedRegex(@"&(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp)\b;?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Entities();

    [GeneratedRegex(@"ðŸ\S{0,2}|â€\S?|[ÃÂ]\S?", RegexOptions.CultureInvariant)]
    private static partial Regex Mojibake();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
