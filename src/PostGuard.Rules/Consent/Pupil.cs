namespace PostGuard.Rules.Consent;

/// <summary>
/// One pupil of a consent register. Holds personal data: never print, log or put it in a message;
/// <see cref="ToString"/> names only the register row.
/// </summary>
internal sealed class Pupil
{
    public required int Row { get; init; }

    /// <summary>The pupil's position in the register (0-based).</summary>
    public required int Ordinal { get; init; }

    public required string Upn { get; init; }

    public required string Forename { get; init; }

    public string? PreferredName { get; init; }

    public required string Surname { get; init; }

    public string? YearGroup { get; init; }

    public required bool NameConsent { get; init; }

    public required bool PhotoConsent { get; init; }

    public required bool DoNotPublish { get; init; }

    /// <summary>The given names the pupil may be called by: the forename and, when different, the preferred name.</summary>
    public IEnumerable<string> GivenNames()
    {
        yield return Forename;
        if (PreferredName is { Length: > 0 } preferred && !string.Equals(preferred, Forename, StringComparison.OrdinalIgnoreCase))
        {
            yield return preferred;
        }
    }

    /// <summary>Names the register row only, never the pupil.</summary>
    public override string ToString() => $"pupil on register row {Row}";
}
