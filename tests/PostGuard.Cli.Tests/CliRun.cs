using System.Text.Json.Nodes;

namespace PostGuard.Cli.Tests;

/// <summary>A fixed clock for scheduling windows and baseline dates.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>What one in-process run of the CLI printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonObject Json => JsonNode.Parse(Stdout)!.AsObject();

    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Runs the real CLI in-process with the fixtures folder as working directory, a fixed clock and a chosen environment.</summary>
internal sealed class CliRun
{
    /// <summary>The clock tests run at: 1 June 2025 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Fixtures => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string Stdin { get; init; } = string.Empty;

    public bool Terminal { get; init; }

    public string WorkingDirectory { get; init; } = Fixtures;

    public DateTimeOffset Clock { get; init; } = Now;

    public CliResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext
        {
            Stdout = stdout,
            Stderr = stderr,
            Stdin = new StringReader(Stdin),
            GetEnvironmentVariable = name => Environment.TryGetValue(name, out var v) ? v : null,
            Clock = new FixedClock(Clock),
            StdoutIsTerminal = Terminal,
            StderrIsTerminal = Terminal,
            WorkingDirectory = WorkingDirectory,
        };
        int code = CliApp.Run(args, context);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary><c>postguard check --rules pack ARGS</c> with the fixture pack.</summary>
    public CliResult Check(params string[] args) => Run(["check", "--rules", Path.Combine(Fixtures, "pack"), .. args]);

    public static CliResult CheckWith(params string[] args) => new CliRun().Check(args);
}
