using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PostGuard.Text;

namespace PostGuard.Cli.Acceptance;

/// <summary>
/// A finding's identity across runs: the draft id, the rule id and the SHA-256 of the normalised excerpt (folded
/// as pattern rules see it, whitespace collapsed). The excerpt itself is never stored, so a baseline holds no
/// personal data; a changed excerpt is a new finding.
/// </summary>
internal readonly record struct Fingerprint(string Draft, string Rule, string ExcerptSha256)
{
    public static Fingerprint Of(string? draftId, string ruleId, string excerpt) => new(draftId ?? string.Empty, ruleId, HashExcerpt(excerpt));

    public static string HashExcerpt(string excerpt)
    {
        string folded = TextNormalizer.Folded(excerpt);
        var sb = new StringBuilder(folded.Length);
        bool space = false;
        foreach (char c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>One string for tools that want a single fingerprint (SARIF partialFingerprints).</summary>
    public override string ToString() => $"{Draft}|{Rule}|{ExcerptSha256}";
}

/// <summary>One accepted finding in a baseline file.</summary>
/// <param name="Draft">The draft id.</param>
/// <param name="Rule">The rule id.</param>
/// <param name="ExcerptSha256">SHA-256 (hex) of the normalised excerpt.</param>
/// <param name="AcceptedBy">Who accepted it.</param>
/// <param name="AcceptedAt">When (UTC).</param>
/// <param name="Expires">The last day (UTC) it applies, or null for no expiry.</param>
/// <param name="Reason">Why, if given.</param>
internal sealed record BaselineEntry(string Draft, string Rule, string ExcerptSha256, string AcceptedBy, DateTimeOffset AcceptedAt, DateOnly? Expires, string? Reason)
{
    [JsonIgnore]
    public Fingerprint Fingerprint => new(Draft, Rule, ExcerptSha256);

    public bool AppliesOn(DateTimeOffset now) => Expires is not { } last || DateOnly.FromDateTime(now.UtcDateTime) <= last;
}

/// <summary>A baseline file: <c>{ "version": 1, "accepted": [entry, ...] }</c>, written by <c>--write-baseline</c>, read by <c>--baseline</c>.</summary>
internal sealed record Baseline(int Version, IReadOnlyList<BaselineEntry> Accepted)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Baseline Load(string path, string display)
    {
        try
        {
            var baseline = JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), s_json);
            if (baseline?.Accepted is null || baseline.Accepted.Any(e => e?.Draft is null || e.Rule is null || e.ExcerptSha256 is null))
            {
                throw new CliUsageException($"{display}: error: not a postguard baseline (expected {{ \"version\": 1, \"accepted\": [{{ draft, rule, excerptSha256, ... }}] }})");
            }

            return baseline;
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"{display}:{(ex.LineNumber ?? 0) + 1}: error: invalid baseline JSON: {ex.Message.Split(". ")[0]}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{display}: error: cannot read the baseline: {ex.Message}");
        }
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, s_json) + "\n");

    /// <summary>The entry accepting <paramref name="fingerprint"/> on <paramref name="now"/>, if any.</summary>
    public BaselineEntry? Find(Fingerprint fingerprint, DateTimeOffset now)
        => Accepted.FirstOrDefault(e => e.Fingerprint == fingerprint && e.AppliesOn(now));
}
