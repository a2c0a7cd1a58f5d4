using System.Text.Json;
using System.Text.Json.Serialization;
using PostGuard.Cli.Input;
using PostGuard.Serialization;

namespace PostGuard.Cli.Output;

/// <summary>A verdict with the input it came from.</summary>
internal sealed record CheckedDraft(DraftInput Input, Verdict Verdict);

/// <summary>How many drafts got each decision.</summary>
internal sealed record Summary(int Approve, int Review, int Reject)
{
    public static Summary Of(IReadOnlyList<CheckedDraft> results) => new(
        results.Count(r => r.Verdict.Decision == Decision.Approve),
        results.Count(r => r.Verdict.Decision == Decision.Review),
        results.Count(r => r.Verdict.Decision == Decision.Reject));
}

/// <summary>Writes <c>{ "results": [...], "summary": {...} }</c>.</summary>
internal static class JsonReport
{
    private sealed record Document(
        IReadOnlyList<Verdict> Results,
        Summary Summary,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] IReadOnlyList<string>? Errors);

    public static void Write(TextWriter output, IReadOnlyList<CheckedDraft> results, IReadOnlyList<InputError> errors)
    {
        var document = new Document(
            [.. results.Select(r => r.Verdict)],
            Summary.Of(results),
            errors.Count > 0 ? [.. errors.Select(e => e.ToString())] : null);
        output.WriteLine(JsonSerializer.Serialize(document, PostGuardJson.Options));
    }
}

/// <summary>Writes verdicts for a person reading a terminal.</summary>
internal static class TextReport
{
    public static void Write(TextWriter output, IReadOnlyList<CheckedDraft> results)
    {
        foreach (var (input, verdict) in results)
        {
            output.WriteLine($"{Label(verdict.Decision)}  {input.File}{(input.Line > 1 ? $":{input.Line}" : string.Empty)}  ({verdict.Id})");
            foreach (var f in verdict.Findings)
            {
                output.WriteLine($"  {f.Severity.ToString().ToLowerInvariant(),-6} {f.RuleId}  [{f.Field} {f.Start}+{f.Length}]  \"{OneLine(f.Excerpt)}\"");
                output.WriteLine($"         {f.Message}");
                output.WriteLine($"         policy: {f.Policy}");
                if (f.Suggestion is not null)
                {
                    output.WriteLine($"         suggestion: {f.Suggestion}");
                }
            }

            if (verdict.Toxicity is { } t)
            {
                output.WriteLine($"  toxicity {t:0.00}");
            }
        }

        var s = Summary.Of(results);
        output.WriteLine();
        output.WriteLine($"{results.Count} draft{(results.Count == 1 ? string.Empty : "s")}: {s.Approve} approve, {s.Review} review, {s.Reject} reject");
    }

    private static string Label(Decision d) => d switch
    {
        Decision.Approve => "APPROVE",
        Decision.Review => "REVIEW ",
        _ => "REJECT ",
    };

    private static string OneLine(string s) => s.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
