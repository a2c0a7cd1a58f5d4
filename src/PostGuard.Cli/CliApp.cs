using System.CommandLine;
using PostGuard.Cli.Commands;
using PostGuard.Cli.Input;
using PostGuard.Diagnostics;

namespace PostGuard.Cli;

/// <summary>
/// The <c>postguard</c> command line. <see cref="Run(string[], CliContext)"/> is the whole program, with its streams,
/// environment, clock and working directory passed in so tests drive it in-process.
/// </summary>
internal static class CliApp
{
    /// <summary>Exit code: nothing at or above the <c>--fail-on</c> threshold (or the command succeeded).</summary>
    public const int ExitApprove = 0;
    /// <summary>Exit code: the worst decision at or above the threshold was review.</summary>
    public const int ExitReview = 1;
    /// <summary>Exit code: at least one draft rejected (at or above the threshold).</summary>
    public const int ExitReject = 2;
    /// <summary>Exit code: usage or configuration error, or an input that could not be read.</summary>
    public const int ExitUsage = 3;

    /// <summary>Runs with the given streams and nothing else from the environment.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext { Stdout = stdout, Stderr = stderr });

    public static int Run(string[] args, CliContext context)
    {
        try
        {
            // A named root (not RootCommand, which takes the assembly's name) so usage reads "postguard ..."
            var root = new Command("postguard",
                $"""
                postguard checks a school's social-media drafts before they are published: approve, review or reject,
                with the reasons, the policy clause behind each and where in the draft it sits.

                Usage:
                  postguard check [options] PATH...       check drafts (.md, .csv, .json, .jsonl, .txt, folders, - for stdin)
                  postguard explain [--rules DIR] RULE-ID  what a rule checks and why
                  postguard init [DIR] [--force]           write a starter rules/, school profile and consent register
                  postguard test-rules [--rules DIR]       run every rule's examples
                  postguard train --train F --dev F --out F  train the toxicity classifier
                  postguard eval --model F --data F        evaluate a toxicity model
                  postguard bench [--drafts F] [--seconds N]  quick performance figures as one JSON object

                {CheckCommand.ExitCodesHelp}
                Examples:
                  postguard check posts/
                  postguard check --format sarif content/ > postguard.sarif
                  postguard check --format github --fail-on review --scheduled-within 48h content/
                  postguard explain pupil-consent.names
                """);
            root.Options.Add(new System.CommandLine.Help.HelpOption());
            root.Options.Add(new VersionOption());
            root.Subcommands.Add(CheckCommand.Create(context));
            root.Subcommands.Add(ExplainCommand.Create(context));
            root.Subcommands.Add(InitCommand.Create(context));
            root.Subcommands.Add(TestRulesCommand.Create(context));
            root.Subcommands.Add(TrainCommands.CreateTrain(context));
            root.Subcommands.Add(TrainCommands.CreateEval(context));
            root.Subcommands.Add(BenchCommand.Create(context));

            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    context.Stderr.WriteLine($"postguard: {error.Message}");
                }

                context.Stderr.WriteLine("Try 'postguard --help'.");
                return ExitUsage;
            }

            var config = new InvocationConfiguration { Output = context.Stdout, Error = context.Stderr, EnableDefaultExceptionHandler = false };
            return parse.Invoke(config);
        }
        catch (CliUsageException ex)
        {
            context.Stderr.WriteLine(ex.Message.StartsWith("postguard", StringComparison.Ordinal) || ex.Message.Contains(": error", StringComparison.Ordinal) ? ex.Message : $"postguard: {ex.Message}");
            return ExitUsage;
        }
        catch (PostGuardConfigurationException ex)
        {
            EngineOptions.WriteDiagnostics(ex, context.Stderr);
            return ExitUsage;
        }
        catch (Exception ex)
        {
            // never a stack trace: one line a person can act on
            context.Stderr.WriteLine($"postguard: error: {ex.Message.ReplaceLineEndings(" ")}");
            return ExitUsage;
        }
    }
}
