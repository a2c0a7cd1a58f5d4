using Microsoft.Extensions.Logging;

namespace PostGuard.Moderation;

/// <summary>
/// Every log message PostGuard writes. Messages carry decisions, rule ids, hashes, timings and configuration
/// locations, never the text of a draft or anything taken from it (excerpts, names).
/// </summary>
internal static partial class PostGuardLog
{
    [LoggerMessage(EventId = 1, EventName = "DraftModerated", SkipEnabledCheck = true,
        Message = "Draft {DraftId} moderated: {Decision} with {FindingCount} findings [{RuleIds}] in {ElapsedMs:0.###} ms (pack {RulePackHash})")]
    public static partial void DraftModerated(ILogger logger, LogLevel level, string? draftId, Decision decision, int findingCount, string ruleIds,
        double elapsedMs, string rulePackHash);

    [LoggerMessage(EventId = 2, EventName = "BatchModerated", Level = LogLevel.Debug,
        Message = "{Count} drafts moderated in {ElapsedMs:0.###} ms on up to {Parallelism} threads (pack {RulePackHash})")]
    public static partial void BatchModerated(ILogger logger, int count, double elapsedMs, int parallelism, string rulePackHash);

    [LoggerMessage(EventId = 10, EventName = "EngineLoaded", Level = LogLevel.Information,
        Message = "PostGuard engine loaded: pack {RulePackName} ({RulePackHash}), {RuleCount} rules, classifier {ClassifierVersion}, from {RulesSource}")]
    public static partial void EngineLoaded(ILogger logger, string rulePackName, string rulePackHash, int ruleCount, string classifierVersion, string rulesSource);

    [LoggerMessage(EventId = 11, EventName = "WatchingForChanges", Level = LogLevel.Information,
        Message = "PostGuard is watching {Paths} for changes (debounce {DebounceMs} ms, poll every {PollSeconds} s)")]
    public static partial void WatchingForChanges(ILogger logger, string paths, double debounceMs, double pollSeconds);

    [LoggerMessage(EventId = 12, EventName = "EngineReloaded", Level = LogLevel.Information,
        Message = "PostGuard engine reloaded ({Trigger}): pack {RulePackName} {PreviousRulePackHash} -> {RulePackHash}, {RuleCount} rules, in {ElapsedMs:0.#} ms")]
    public static partial void EngineReloaded(ILogger logger, ReloadTrigger trigger, string rulePackName, string previousRulePackHash, string rulePackHash,
        int ruleCount, double elapsedMs);

    [LoggerMessage(EventId = 13, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "PostGuard engine reload ({Trigger}) failed with {ErrorCount} errors; still using pack {RulePackHash}")]
    public static partial void ReloadFailed(ILogger logger, ReloadTrigger trigger, int errorCount, string rulePackHash, Exception? exception);

    [LoggerMessage(EventId = 14, EventName = "ReloadDiagnostic", Level = LogLevel.Error,
        Message = "{File}:{Line}:{Column}: error {Code} [{RuleId}] {Problem}")]
    public static partial void ReloadDiagnostic(ILogger logger, string? file, int line, int column, string code, string? ruleId, string problem);

    [LoggerMessage(EventId = 15, EventName = "WatcherFailed", Level = LogLevel.Warning,
        Message = "PostGuard's file watcher for {Path} failed; polling continues and the watcher is recreated when the folder exists")]
    public static partial void WatcherFailed(ILogger logger, string path, Exception? exception);

    [LoggerMessage(EventId = 16, EventName = "EventHandlerFailed", Level = LogLevel.Error,
        Message = "A handler of PostGuard's {EventName} event threw; the moderator carries on")]
    public static partial void EventHandlerFailed(ILogger logger, string eventName, Exception exception);
}
