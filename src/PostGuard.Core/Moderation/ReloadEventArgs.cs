using PostGuard.Diagnostics;

namespace PostGuard;

/// <summary>What made a moderator reload its engine.</summary>
public enum ReloadTrigger
{
    /// <summary><see cref="IPostModerator.Reload"/> or <see cref="IPostModerator.ReloadAsync"/> was called.</summary>
    Manual,
    /// <summary>A file watcher saw a watched file change (after the debounce delay).</summary>
    FileChange,
    /// <summary>The periodic poll found that the content of the watched files changed.</summary>
    Poll,
}

/// <summary>Data of <see cref="IPostModerator.EngineReloaded"/>: the engine now in use.</summary>
public sealed class EngineReloadedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public EngineReloadedEventArgs(PostGuardEngine engine, string previousRulePackHash, ReloadTrigger trigger, TimeSpan duration)
    {
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
        PreviousRulePackHash = previousRulePackHash;
        Trigger = trigger;
        Duration = duration;
    }

    /// <summary>The new engine, now in use.</summary>
    public PostGuardEngine Engine { get; }

    /// <summary>The content hash of the new engine's rule pack, profile and register.</summary>
    public string RulePackHash => Engine.RulePackHash;

    /// <summary>The content hash of the engine it replaced.</summary>
    public string PreviousRulePackHash { get; }

    /// <summary>What started the reload.</summary>
    public ReloadTrigger Trigger { get; }

    /// <summary>How long loading and compiling took.</summary>
    public TimeSpan Duration { get; }
}

/// <summary>Data of <see cref="IPostModerator.ReloadFailed"/>: why the new configuration was not used.</summary>
public sealed class ReloadFailedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public ReloadFailedEventArgs(IReadOnlyList<ConfigurationDiagnostic> diagnostics, Exception exception, string currentRulePackHash, ReloadTrigger trigger)
    {
        Diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));
        Exception = exception ?? throw new ArgumentNullException(nameof(exception));
        CurrentRulePackHash = currentRulePackHash;
        Trigger = trigger;
    }

    /// <summary>Every problem found, with file, line and column (never any draft text).</summary>
    public IReadOnlyList<ConfigurationDiagnostic> Diagnostics { get; }

    /// <summary>The exception the reload failed with (a <see cref="PostGuardConfigurationException"/> for invalid configuration).</summary>
    public Exception Exception { get; }

    /// <summary>The content hash of the engine still in use.</summary>
    public string CurrentRulePackHash { get; }

    /// <summary>What started the reload.</summary>
    public ReloadTrigger Trigger { get; }
}
