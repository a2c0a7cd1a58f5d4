namespace PostGuard.Cli;

/// <summary>
/// Everything the command line takes from the world outside its arguments: streams, environment variables, the clock,
/// whether the streams are terminals, and the working directory. Tests pass their own; <see cref="FromConsole"/> is the real one.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Standard output.</summary>
    public required TextWriter Stdout { get; init; }

    /// <summary>Standard error.</summary>
    public required TextWriter Stderr { get; init; }

    /// <summary>Standard input (read when a path is <c>-</c>).</summary>
    public TextReader Stdin { get; init; } = TextReader.Null;

    /// <summary>Reads an environment variable (<c>CI</c>, <c>NO_COLOR</c>, <c>USER</c>).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = static _ => null;

    /// <summary>The clock (scheduling windows, baseline dates).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>True when standard output is a terminal (colour).</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>True when standard error is a terminal (progress bar).</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>The folder relative paths are resolved against and reported relative to.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>True when <c>CI</c> is <c>true</c> (or <c>1</c>): output may end up in a public log.</summary>
    public bool IsCi => GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>The real console, environment, clock and working directory.</summary>
    public static CliContext FromConsole() => new()
    {
        Stdout = Console.Out,
        Stderr = Console.Error,
        Stdin = Console.In,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        StdoutIsTerminal = !Console.IsOutputRedirected,
        StderrIsTerminal = !Console.IsErrorRedirected,
    };

    /// <summary>A path as given on the command line, made absolute against <see cref="WorkingDirectory"/>.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>A path as shown in reports: relative to <see cref="WorkingDirectory"/> with '/' separators when it is inside it.</summary>
    public string Display(string fullPath)
    {
        string relative = Path.GetRelativePath(WorkingDirectory, fullPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return fullPath.Replace('\\', '/');
        }

        return relative.Replace('\\', '/');
    }
}
