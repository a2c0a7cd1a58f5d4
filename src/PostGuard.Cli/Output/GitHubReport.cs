using System.Text;

namespace PostGuard.Cli.Output;

/// <summary>
/// Writes GitHub Actions workflow commands, one per finding, so findings show as annotations on the file's lines:
/// <c>::error</c> for a finding that rejects, <c>::warning</c> for one that needs review, <c>::notice</c> for the rest.
/// Accepted findings are not annotated. Data escapes <c>%</c>, CR and LF; properties also <c>:</c> and <c>,</c>.
/// </summary>
internal static class GitHubReport
{
    public static void Write(TextWriter output, Report report)
    {
        int accepted = 0;
        foreach (var result in report.Results)
        {
            foreach (var reported in result.Findings)
            {
                if (reported.Accepted is not null)
                {
                    accepted++;
                    continue;
                }

                var f = reported.Finding;
                string command = reported.LeadsTo switch
                {
                    Decision.Reject => "error",
                    Decision.Review => "warning",
                    _ => "notice",
                };
                var properties = new List<string>();
                if (reported.Location is { } at)
                {
                    properties.Add($"file={Property(at.File)}");
                    properties.Add($"line={at.Line}");
                    properties.Add($"col={at.Column}");
                    properties.Add($"endLine={at.EndLine}");
                    properties.Add($"endColumn={at.EndColumn}");
                }

                properties.Add($"title={Property($"{f.RuleId} ({f.Severity.ToString().ToLowerInvariant()}) in {result.Verdict.Id}")}");
                var message = new StringBuilder(f.Message);
                if (f.Excerpt.Length > 0)
                {
                    message.Append(" \"").Append(report.Excerpt(f)).Append('"');
                }

                message.Append("\nPolicy: ").Append(f.Policy);
                if (f.Suggestion is not null)
                {
                    message.Append("\nSuggestion: ").Append(f.Suggestion);
                }

                output.WriteLine($"::{command} {string.Join(',', properties)}::{Data(message.ToString())}");
            }
        }

        var s = report.Summary;
        output.WriteLine($"postguard: {report.Results.Count} draft{(report.Results.Count == 1 ? string.Empty : "s")}: {s.Approve} approve, {s.Review} review, {s.Reject} reject{(accepted > 0 ? $"; {accepted} accepted finding{(accepted == 1 ? string.Empty : "s")} not annotated" : string.Empty)}");
    }

    /// <summary>Escapes a workflow command's message.</summary>
    public static string Data(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a workflow command's property value.</summary>
    public static string Property(string value) => Data(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
