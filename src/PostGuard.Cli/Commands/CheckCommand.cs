using System.CommandLine;
using PostGuard.Cli.Input;
using PostGuard.Cli.Output;

namespace PostGuard.Cli.Commands;

/// <summary><c>postguard check</c>: checks drafts and prints verdicts.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var engineOptions = new EngineOptions();
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (for people) or json ({ results, summary }).",
            DefaultValueFactory = _ => "text",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Draft files (.json: one draft or an array; .jsonl: one per line; .txt/.md: the text is the body) or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };

        var command = new Command("check", "Check drafts and print a verdict for each. Exit code: 0 all approved, 1 worst is review, 2 any rejected, 3 usage or configuration error.");
        engineOptions.AddTo(command);
        command.Options.Add(format);
        command.Arguments.Add(paths);
        command.SetAction(parse =>
        {
            var built = engineOptions.Build(parse, stderr);
            if (built is null)
            {
                return CliApp.ExitUsage;
            }

            var (_, engine) = built.Value;
            var (drafts, errors) = DraftReader.Read(parse.GetValue(paths) ?? []);
            foreach (var error in errors)
            {
                stderr.WriteLine(error.ToString());
            }

            if (drafts.Count == 0 && errors.Count > 0)
            {
                return CliApp.ExitUsage;
            }

            var results = new List<CheckedDraft>(drafts.Count);
            foreach (var input in drafts)
            {
                results.Add(new CheckedDraft(input, engine.Evaluate(input.Draft)));
            }

            if (parse.GetValue(format) == "json")
            {
                JsonReport.Write(stdout, results, errors);
            }
            else
            {
                TextReport.Write(stdout, results);
            }

            var worst = results.Count == 0 ? Decision.Approve : results.Max(r => r.Verdict.Decision);
            int code = worst switch
            {
                Decision.Reject => CliApp.ExitReject,
                Decision.Review => CliApp.ExitReview,
                _ => CliApp.ExitApprove,
            };

            // an input that could not be read is never a silent approval
            return errors.Count > 0 ? Math.Max(code, CliApp.ExitReview) : code;
        });
        return command;
    }
}
