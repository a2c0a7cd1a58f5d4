using System.Text.Json;
using System.Text.Json.Nodes;
using PostGuard.Serialization;

namespace PostGuard.Cli.Output;

/// <summary>
/// Writes <c>{ "results": [verdict, ...], "summary": { approve, review, reject }, "errors": [...] }</c>. Each verdict
/// is Core's JSON contract unchanged, except that <c>decision</c> is the decision after accepted findings are set
/// aside (the engine's is then kept as <c>engineDecision</c>), and each finding gains <c>file</c>, <c>line</c>,
/// <c>column</c>, <c>endLine</c>, <c>endColumn</c> (when it came from a file) and <c>accepted</c>.
/// </summary>
internal static class JsonReport
{
    public static void Write(TextWriter output, Report report)
    {
        var results = new JsonArray();
        foreach (var result in report.Results)
        {
            var verdict = JsonSerializer.SerializeToNode(result.Verdict, PostGuardJson.Options)!.AsObject();
            if (result.Decision != result.Verdict.Decision)
            {
                verdict["engineDecision"] = Name(result.Verdict.Decision);
                verdict["decision"] = Name(result.Decision);
            }

            if (result.Input.FromFile)
            {
                verdict["file"] = result.Input.File;
                verdict["line"] = result.Input.Line;
            }

            var findings = verdict["findings"]!.AsArray();
            for (int i = 0; i < findings.Count && i < result.Findings.Count; i++)
            {
                var reported = result.Findings[i];
                var node = findings[i]!.AsObject();
                node["excerpt"] = report.Excerpt(reported.Finding);
                if (reported.Location is { } at)
                {
                    node["file"] = at.File;
                    node["line"] = at.Line;
                    node["column"] = at.Column;
                    node["endLine"] = at.EndLine;
                    node["endColumn"] = at.EndColumn;
                }

                if (reported.Accepted is { } acceptance)
                {
                    var a = new JsonObject();
                    if (acceptance.By is not null)
                    {
                        a["by"] = acceptance.By;
                    }

                    if (acceptance.Reason is not null)
                    {
                        a["reason"] = acceptance.Reason;
                    }

                    a["source"] = acceptance.Source == AcceptanceSource.Baseline ? "baseline" : "inline";
                    node["accepted"] = a;
                }
            }

            results.Add(verdict);
        }

        var s = report.Summary;
        var summary = new JsonObject { ["approve"] = s.Approve, ["review"] = s.Review, ["reject"] = s.Reject };
        int accepted = report.Results.Sum(r => r.Findings.Count(f => f.Accepted is not null));
        if (accepted > 0)
        {
            summary["acceptedFindings"] = accepted;
        }

        if (report.WindowApplied)
        {
            summary["outsideWindow"] = report.OutsideWindow;
            summary["unscheduled"] = report.Unscheduled;
        }

        var document = new JsonObject { ["results"] = results, ["summary"] = summary };
        if (report.Errors.Count > 0)
        {
            document["errors"] = new JsonArray([.. report.Errors.Select(e => (JsonNode)JsonValue.Create(e.ToString()))]);
        }

        output.WriteLine(document.ToJsonString(PostGuardJson.Options));
    }

    private static string Name(Decision decision) => decision.ToString().ToLowerInvariant();
}
