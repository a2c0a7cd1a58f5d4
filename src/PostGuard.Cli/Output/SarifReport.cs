using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PostGuard.Rules;

namespace PostGuard.Cli.Output;

/// <summary>
/// Writes SARIF 2.1.0 for GitHub code scanning and Azure DevOps: one run; <c>tool.driver.rules</c> lists the pack's
/// rules (help text = the policy clause; default level from severity: high → error, medium → warning, low → note);
/// one result per finding, at the finding's lines and columns in its file (uri relative to the working directory),
/// with <c>suppressions</c> for accepted findings (<c>external</c> from a baseline, <c>inSource</c> from front matter).
/// </summary>
internal static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(TextWriter output, Report report)
    {
        var rules = new JsonArray();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in report.Pack.Rules.Where(r => r.Enabled))
        {
            AddRule(rules, ruleIndex, rule.Id, rule.Message, rule.Description, rule.Policy, rule.Severity, rule.Category, rule.Suggestion);
        }

        var results = new JsonArray();
        foreach (var result in report.Results)
        {
            foreach (var reported in result.Findings)
            {
                var f = reported.Finding;
                if (!ruleIndex.ContainsKey(f.RuleId))
                {
                    AddRule(rules, ruleIndex, f.RuleId, f.Message, null, f.Policy, f.Severity, f.Category, f.Suggestion);
                }

                var node = new JsonObject
                {
                    ["ruleId"] = f.RuleId,
                    ["ruleIndex"] = ruleIndex[f.RuleId],
                    ["level"] = Level(reported.LeadsTo),
                    ["message"] = new JsonObject { ["text"] = Message(report, f) },
                };
                if (reported.Location is { } at)
                {
                    node["locations"] = new JsonArray(new JsonObject
                    {
                        ["physicalLocation"] = new JsonObject
                        {
                            ["artifactLocation"] = new JsonObject { ["uri"] = Uri(at.File) },
                            ["region"] = new JsonObject
                            {
                                ["startLine"] = at.Line,
                                ["startColumn"] = at.Column,
                                ["endLine"] = at.EndLine,
                                ["endColumn"] = Math.Max(at.EndColumn, at.EndLine == at.Line ? at.Column + 1 : 1),
                            },
                        },
                    });
                }

                node["partialFingerprints"] = new JsonObject
                {
                    ["postguard/v1"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reported.Fingerprint.ToString())))[..32],
                };
                if (reported.Accepted is { } accepted)
                {
                    string justification = $"accepted{(accepted.By is null ? string.Empty : $" by {accepted.By}")}{(accepted.Reason is null ? string.Empty : $": {accepted.Reason}")}";
                    node["suppressions"] = new JsonArray(new JsonObject
                    {
                        ["kind"] = accepted.Source == AcceptanceSource.Baseline ? "external" : "inSource",
                        ["justification"] = justification,
                    });
                }

                results.Add(node);
            }
        }

        var driver = new JsonObject
        {
            ["name"] = "postguard",
            ["informationUri"] = "https://github.com/postguard/postguard",
            ["version"] = typeof(SarifReport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            ["rules"] = rules,
        };
        var run = new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = driver },
            ["columnKind"] = "utf16CodeUnits",
            ["results"] = results,
            ["properties"] = new JsonObject { ["rulePack"] = report.Pack.Name, ["rulePackHash"] = report.Pack.Hash },
        };
        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        output.WriteLine(log.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }

    private static void AddRule(JsonArray rules, Dictionary<string, int> index, string id, string message, string? description, string policy,
        Severity severity, FindingCategory category, string? suggestion)
    {
        index[id] = rules.Count;
        var rule = new JsonObject
        {
            ["id"] = id,
            ["shortDescription"] = new JsonObject { ["text"] = message },
            ["help"] = new JsonObject { ["text"] = suggestion is null ? policy : $"{policy}\nSuggestion: {suggestion}" },
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(severity) },
            ["properties"] = new JsonObject { ["tags"] = new JsonArray(CategoryName(category)), ["severity"] = severity.ToString().ToLowerInvariant() },
        };
        if (description is not null)
        {
            rule["fullDescription"] = new JsonObject { ["text"] = description };
        }

        rules.Add(rule);
    }

    internal static string Level(Severity severity) => severity switch
    {
        Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string Level(Decision decision) => decision switch
    {
        Decision.Reject => "error",
        Decision.Review => "warning",
        _ => "note",
    };

    private static string Message(Report report, Finding f)
    {
        var sb = new StringBuilder(f.Message);
        if (f.Excerpt.Length > 0)
        {
            sb.Append(" \"").Append(report.Excerpt(f).ReplaceLineEndings(" ")).Append('"');
        }

        if (f.Suggestion is not null)
        {
            sb.Append(" Suggestion: ").Append(f.Suggestion);
        }

        return sb.ToString();
    }

    private static string Uri(string file)
    {
        if (Path.IsPathRooted(file))
        {
            return new Uri(file).AbsoluteUri;
        }

        return string.Join('/', file.Split('/').Select(System.Uri.EscapeDataString));
    }

    internal static string CategoryName(FindingCategory category) => category switch
    {
        FindingCategory.PersonalSchedule => "personal-schedule",
        FindingCategory.PupilConsent => "pupil-consent",
        _ => category.ToString().ToLowerInvariant(),
    };
}
