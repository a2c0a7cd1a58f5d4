using System.CommandLine;
using PostGuard.Cli.Output;
using PostGuard.Rules;
using PostGuard.Rules.Loading;

namespace PostGuard.Cli.Commands;

/// <summary><c>postguard explain RULE-ID</c>: everything about one rule, for the person who has to act on its finding.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var engineOptions = new EngineOptions();
        var id = new Argument<string>("RULE-ID") { Description = "The rule's id, e.g. confidential.phone-number (as shown in a finding)." };
        var command = new Command("explain",
            """
            Print a rule's description, kind, category, severity, policy clause, suggestion and examples.

            Examples:
              postguard explain confidential.phone-number
              postguard explain --rules ./rules derogatory.insults
            """);
        command.Options.Add(engineOptions.Rules);
        command.Arguments.Add(id);
        command.SetAction(parse =>
        {
            var pack = engineOptions.LoadPack(parse, context.Stderr);
            if (pack is null)
            {
                return CliApp.ExitUsage;
            }

            string ruleId = parse.GetValue(id)!;
            if (pack.Find(ruleId) is not { } rule)
            {
                string? close = YamlReader.Closest(ruleId, pack.Rules.Select(r => r.Id));
                context.Stderr.WriteLine($"postguard: no rule '{ruleId}' in {pack.Name}{(close is null ? string.Empty : $" — did you mean '{close}'?")}");
                return CliApp.ExitUsage;
            }

            Write(context.Stdout, rule);
            return CliApp.ExitApprove;
        });
        return command;
    }

    private static void Write(TextWriter o, RuleDefinition rule)
    {
        o.WriteLine(rule.Id);
        o.WriteLine($"  kind:        {rule.Kind}");
        o.WriteLine($"  category:    {SarifReport.CategoryName(rule.Category)}");
        o.WriteLine($"  severity:    {rule.Severity.ToString().ToLowerInvariant()}");
        o.WriteLine($"  acceptable:  {(rule.Acceptable ? "yes" : "no (its rejects cannot be accepted in a baseline or front matter)")}");
        if (!rule.Enabled)
        {
            o.WriteLine("  enabled:     no");
        }

        o.WriteLine($"  applies to:  channels {(rule.Channels.Count == 0 ? "all" : string.Join(", ", rule.Channels))}; audiences {(rule.Audiences.Count == 0 ? "all" : string.Join(", ", rule.Audiences))}");
        o.WriteLine($"  defined in:  {rule.Source}");
        o.WriteLine();
        o.WriteLine($"Message:     {rule.Message}");
        if (rule.Description is not null)
        {
            o.WriteLine($"Description: {rule.Description.Trim()}");
        }

        o.WriteLine($"Policy:      {rule.Policy}");
        if (rule.Suggestion is not null)
        {
            o.WriteLine($"Suggestion:  {rule.Suggestion}");
        }

        if (rule.Examples.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Examples:");
            foreach (var example in rule.Examples)
            {
                o.WriteLine($"  {(example.ShouldFire ? "flags" : "passes")}: {example.Draft.Body.ReplaceLineEndings(" ")}");
            }
        }
    }
}
