using System.CommandLine;
using PostGuard.Rules;

namespace PostGuard.Cli.Commands;

/// <summary><c>postguard test-rules</c>: runs every rule's examples and prints the ones that fail.</summary>
internal static class TestRulesCommand
{
    public static Command Create(CliContext context)
    {
        var stdout = context.Stdout;
        var stderr = context.Stderr;
        var engineOptions = new EngineOptions();
        var command = new Command("test-rules", "Run every rule's examples (flag: must fire, pass: must not) and print each failure with its file and line. Exit code 0 when all pass, 1 when any fails, 3 on a configuration error.");
        engineOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var built = engineOptions.Build(parse, stderr);
            if (built is null)
            {
                return CliApp.ExitUsage;
            }

            var (pack, engine) = built.Value;
            var results = RuleExamples.Run(pack, engine);
            int failed = 0, skipped = 0;
            foreach (var r in results)
            {
                if (r.Skipped)
                {
                    skipped++;
                }
                else if (!r.Passed)
                {
                    failed++;
                    string expectation = r.Example.ShouldFire ? "should fire but did not" : "should not fire but did";
                    stdout.WriteLine($"{r.Example.Source}: FAIL [{r.RuleId}] example {expectation}");
                }
            }

            stdout.WriteLine($"{pack.Name}: {results.Count - failed - skipped} passed, {failed} failed{(skipped > 0 ? $", {skipped} skipped" : string.Empty)} ({pack.Rules.Count} rules)");
            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
