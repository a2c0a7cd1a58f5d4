using System.Text;

namespace PostGuard.Cli.Output;

/// <summary>
/// Writes verdicts for a person: per draft the decision, then each finding with its place in the file, the excerpt
/// highlighted in a short window of its field, the rule, the message, the policy clause and the suggestion; then a
/// summary table. Colour only when asked (a terminal without <c>NO_COLOR</c>); without colour a caret line marks the excerpt.
/// </summary>
internal sealed class TextReport(TextWriter output, bool colour)
{
    /// <summary>Characters of context shown either side of an excerpt.</summary>
    public const int ContextChars = 30;

    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Green = "\u001b[32m";
    private const string Cyan = "\u001b[36m";

    public void Write(Report report)
    {
        foreach (var result in report.Results)
        {
            var input = result.Input;
            string where = input.FromFile ? $"{input.File}{(input.Line > 1 ? $":{input.Line}" : string.Empty)}" : input.File;
            output.WriteLine($"{Paint(Label(result.Decision), Bold + DecisionColour(result.Decision))}  {where}  ({result.Verdict.Id})");
            foreach (var reported in result.Findings)
            {
                WriteFinding(report, result, reported);
            }

            if (result.Verdict.Toxicity is { } t)
            {
                output.WriteLine($"  toxicity {t:0.00}");
            }
        }

        WriteSummary(report);
    }

    private void WriteFinding(Report report, CheckedDraft result, ReportedFinding reported)
    {
        var f = reported.Finding;
        string location = reported.Location is { } at ? $"{at.File}:{at.Line}:{at.Column}" : $"{f.Field} {f.Start}+{f.Length}";
        string severity = f.Severity.ToString().ToLowerInvariant();
        output.WriteLine($"  {Paint($"{severity,-6}", SeverityColour(f.Severity))} {Paint(f.RuleId, Bold)}  {location}{(reported.Accepted is not null ? "  " + Paint("(accepted)", Dim) : string.Empty)}");
        const string indent = "         ";
        if (FieldTexts.Of(result.Input.Draft, f.Field) is { } text && f.Length > 0 && f.Start + f.Length <= text.Length)
        {
            var (line, caretStart, caretLength) = Context(report, result, text, f);
            if (colour)
            {
                output.WriteLine($"{indent}{Paint(line[..caretStart], Dim)}{Paint(line.Substring(caretStart, caretLength), Bold + "\u001b[4m" + SeverityColour(f.Severity))}{Paint(line[(caretStart + caretLength)..], Dim)}");
            }
            else
            {
                output.WriteLine($"{indent}{line}");
                output.WriteLine($"{indent}{new string(' ', caretStart)}{new string('^', Math.Max(caretLength, 1))}");
            }
        }
        else if (f.Excerpt.Length > 0)
        {
            output.WriteLine($"{indent}\"{OneLine(report.Excerpt(f))}\"");
        }

        output.WriteLine($"{indent}{f.Message}");
        output.WriteLine($"{indent}{Paint("policy:", Cyan)} {f.Policy}");
        if (f.Suggestion is not null)
        {
            output.WriteLine($"{indent}{Paint("suggestion:", Cyan)} {f.Suggestion}");
        }

        if (reported.Accepted is { } accepted)
        {
            string source = accepted.Source == AcceptanceSource.Baseline ? "baseline" : "front matter";
            output.WriteLine($"{indent}accepted in the {source}{(accepted.By is null ? string.Empty : $" by {accepted.By}")}{(accepted.Reason is null ? string.Empty : $": {accepted.Reason}")}");
        }
    }

    /// <summary>The excerpt in a window of its field on one line, with masked spans masked; and where the excerpt is in that line.</summary>
    private static (string Line, int CaretStart, int CaretLength) Context(Report report, CheckedDraft result, string text, Finding f)
    {
        int ws = Math.Max(0, f.Start - ContextChars);
        int we = Math.Min(text.Length, f.Start + f.Length + ContextChars);
        var masked = report.Mask
            ? result.Findings.Where(r => r.Finding.Field == f.Field && Masking.Applies(r.Finding.Category)).Select(r => (r.Finding.Start, End: r.Finding.Start + r.Finding.Length)).ToList()
            : [];
        var sb = new StringBuilder();
        if (ws > 0)
        {
            sb.Append('…');
        }

        int caretStart = 0, caretEnd = 0;
        for (int k = ws; k < we;)
        {
            if (k == f.Start)
            {
                caretStart = sb.Length;
            }

            var span = masked.FirstOrDefault(m => m.Start <= k && k < m.End);
            if (span.End > k)
            {
                int end = Math.Min(span.End, we);
                if (f.Start > k && f.Start < end)
                {
                    end = f.Start;
                }
                else if (f.Start + f.Length > k && f.Start + f.Length < end)
                {
                    end = f.Start + f.Length;
                }

                foreach (char c in Masking.Mask(text[k..end]))
                {
                    sb.Append(c is '\r' or '\n' or '\t' ? ' ' : c);
                }

                k = end;
            }
            else
            {
                sb.Append(text[k] is '\r' or '\n' or '\t' ? ' ' : text[k]);
                k++;
            }

            if (k == f.Start + f.Length)
            {
                caretEnd = sb.Length;
            }
        }

        if (we < text.Length)
        {
            sb.Append('…');
        }

        return (sb.ToString(), caretStart, Math.Max(caretEnd - caretStart, 1));
    }

    private void WriteSummary(Report report)
    {
        var s = report.Summary;
        output.WriteLine();
        output.WriteLine(Paint("Decision  Drafts", Bold));
        output.WriteLine($"{Paint("approve ", Green)}  {s.Approve,6}");
        output.WriteLine($"{Paint("review  ", Yellow)}  {s.Review,6}");
        output.WriteLine($"{Paint("reject  ", Red)}  {s.Reject,6}");
        output.WriteLine($"total     {report.Results.Count,6}");

        var byRule = report.Results.SelectMany(r => r.Findings)
            .GroupBy(f => f.Finding.RuleId, StringComparer.Ordinal)
            .Select(g => (Rule: g.Key, Severity: g.Max(f => f.Finding.Severity), Count: g.Count(), Accepted: g.Count(f => f.Accepted is not null)))
            .OrderByDescending(r => r.Severity).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();
        if (byRule.Count > 0)
        {
            int width = Math.Max(4, byRule.Max(r => r.Rule.Length));
            output.WriteLine();
            output.WriteLine(Paint($"{"Rule".PadRight(width)}  Severity  Findings  Accepted", Bold));
            foreach (var r in byRule)
            {
                output.WriteLine($"{r.Rule.PadRight(width)}  {Paint($"{r.Severity.ToString().ToLowerInvariant(),-8}", SeverityColour(r.Severity))}  {r.Count,8}  {r.Accepted,8}");
            }
        }

        if (report.WindowApplied)
        {
            output.WriteLine();
            output.WriteLine($"not checked: {report.OutsideWindow} scheduled outside the window, {report.Unscheduled} with no scheduled time");
        }

        if (report.Errors.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{report.Errors.Count} input error{(report.Errors.Count == 1 ? string.Empty : "s")} (on stderr): those drafts were not checked");
        }
    }

    private string Paint(string text, string code) => colour ? code + text + Reset : text;

    private static string Label(Decision d) => d switch
    {
        Decision.Approve => "APPROVE",
        Decision.Review => "REVIEW ",
        _ => "REJECT ",
    };

    private static string DecisionColour(Decision d) => d switch
    {
        Decision.Approve => Green,
        Decision.Review => Yellow,
        _ => Red,
    };

    private static string SeverityColour(Severity s) => s switch
    {
        Severity.Low => Green,
        Severity.Medium => Yellow,
        _ => Red,
    };

    private static string OneLine(string s) => s.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
