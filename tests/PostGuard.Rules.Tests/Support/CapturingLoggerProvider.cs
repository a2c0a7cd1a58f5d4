using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PostGuard.Rules.Tests.Support;

/// <summary>One log call as written: its level, event, formatted message, every structured value and the exception.</summary>
internal sealed record LogRecord(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, string?>> State, string? Exception)
{
    /// <summary>Everything a log sink could store, as text.</summary>
    public IEnumerable<string> AllText()
    {
        yield return Message;
        foreach (var (key, value) in State)
        {
            yield return key;
            if (value is not null)
            {
                yield return value;
            }
        }

        if (Exception is not null)
        {
            yield return Exception;
        }
    }
}

internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<KeyValuePair<string, string?>>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    values.Add(new(key, value?.ToString()));
                }
            }
            else
            {
                values.Add(new("(state)", state?.ToString()));
            }

            owner._records.Enqueue(new LogRecord(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
