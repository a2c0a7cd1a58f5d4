using System.CommandLine;
using PostGuard.Cli.Commands;

namespace PostGuard.Cli;

/// <summary>The <c>postguard</c> command line. <see cref="Run"/> is the whole program, with its streams passed in so tests drive it in-process.</summary>
internal static class CliApp
{
    /// <summary>Exit code: every draft approved (or the command succeeded).</summary>
    public const int ExitApprove = 0;
    /// <summary>Exit code: the worst decision was review.</summary>
    public const int ExitReview = 1;
    /// <summary>Exit code: at least one draft rejected.</summary>
    public const int ExitReject = 2;
    /// <summary>Exit code: usage or configuration error.</summary>
    public const int ExitUsage = 3;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            """
            PostGuard checks a school's social-media drafts before they are published: approve, review or reject,
            with the reasons, the policy clause behind each and where in the draft it sits.

            Exit codes (check): 0 every draft approved, 1 the worst is review, 2 any rejected, 3 usage or configuration error.
            """);
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr));
        root.Subcommands.Add(TestRulesCommand.Create(stdout, stderr));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"postguard: {error.Message}");
            }

            stderr.WriteLine("Try 'postguard --help'.");
            return ExitUsage;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return parse.Invoke(config);
    }
}
