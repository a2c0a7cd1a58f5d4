namespace PostGuard.Cli;

/// <summary>A usage or configuration problem: <see cref="CliApp"/> prints its message as one line on stderr and exits with 3.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
