using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PostGuard.Diagnostics;
using PostGuard.Moderation;

namespace PostGuard;

/// <summary>
/// The <see cref="IPostModerator"/>: checks drafts with the current engine, on all cores for batches, logs decisions
/// and timings, records metrics on the <c>PostGuard</c> meter and, when built from <see cref="PostGuardOptions"/> with
/// <see cref="PostGuardOptions.WatchForChanges"/>, rebuilds the engine when its files change.
/// </summary>
/// <remarks>
/// <para>Thread-safe and lock-free on the hot path: every call reads the current engine once from a volatile field
/// and finishes on it. Reloads build the new engine on a background thread (or the caller's, for
/// <see cref="Reload"/>) and swap it in atomically; one that fails keeps the last good engine.</para>
/// <para>Logs never contain draft text, excerpts or names: only draft ids, decisions, rule ids, hashes, timings and
/// configuration file locations.</para>
/// <para>Use one instance for the application's lifetime. <see cref="Dispose"/> stops watching; the moderator keeps
/// answering with its last engine.</para>
/// </remarks>
/// <example>
/// <code>
/// using var moderator = new PostModerator(new PostGuardOptions { RulesPath = "rules", WatchForChanges = true });
/// Verdict verdict = moderator.Moderate(new Draft { Body = "Well done to Year 4!" });
/// </code>
/// </example>
public sealed class PostModerator : IPostModerator, IDisposable
{
    private readonly PostGuardOptions? _options;
    private readonly ILogger _logger;
    private readonly PostGuardMetrics _metrics;
    private readonly int _parallelism;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly ConfigurationWatcher? _watcher;
    private PostGuardEngine _engine;
    private string? _fingerprint;
    private int _disposed;

    /// <summary>Creates a moderator that always uses <paramref name="engine"/> (<see cref="Reload"/> is not available).</summary>
    /// <param name="engine">The engine, e.g. from <see cref="PostGuardEngineBuilder.CreateDefault"/>.</param>
    /// <param name="loggerFactory">Where decisions and timings are logged (default: nowhere).</param>
    /// <param name="meterFactory">Creates the <c>PostGuard</c> meter (default: a meter owned by this moderator).</param>
    public PostModerator(PostGuardEngine engine, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _logger = (ILogger?)loggerFactory?.CreateLogger<PostModerator>() ?? NullLogger.Instance;
        _metrics = new PostGuardMetrics(meterFactory);
        _parallelism = Environment.ProcessorCount;
        LogLoaded(engine, "(engine)");
    }

    /// <summary>
    /// Creates a moderator whose engine is built from <paramref name="options"/> now, and rebuilt by
    /// <see cref="Reload"/> and, with <see cref="PostGuardOptions.WatchForChanges"/>, when the files change.
    /// The options are copied: changing them afterwards has no effect.
    /// </summary>
    /// <param name="options">What to build the engine from.</param>
    /// <param name="loggerFactory">Where decisions, timings and reloads are logged (default: nowhere).</param>
    /// <param name="meterFactory">Creates the <c>PostGuard</c> meter (default: a meter owned by this moderator).</param>
    /// <exception cref="ArgumentException">An option is out of range or names a file or folder that does not exist.</exception>
    /// <exception cref="PostGuardConfigurationException">The rule pack, profile or register is invalid; every problem is listed.</exception>
    public PostModerator(PostGuardOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
        : this(options, initial: null, loggerFactory, meterFactory)
    {
    }

    internal PostModerator(PostGuardOptions options, LoadedEngine? initial, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }

        _options = options.Clone();
        _logger = (ILogger?)loggerFactory?.CreateLogger<PostModerator>() ?? NullLogger.Instance;
        var loaded = initial ?? LoadedEngine.Load(_options);
        _engine = loaded.Engine;
        _fingerprint = loaded.Fingerprint;
        _metrics = new PostGuardMetrics(meterFactory);
        _parallelism = _options.EffectiveDegreeOfParallelism;
        LogLoaded(loaded.Engine, _options.RulesPath ?? "(default pack)");
        if (_options.WatchForChanges)
        {
            _watcher = new ConfigurationWatcher(_options, trigger => ReloadCore(trigger, onlyIfChanged: true), _logger);
        }
    }

    /// <inheritdoc />
    public PostGuardEngine Engine => Volatile.Read(ref _engine);

    /// <inheritdoc />
    public event EventHandler<EngineReloadedEventArgs>? EngineReloaded;

    /// <inheritdoc />
    public event EventHandler<ReloadFailedEventArgs>? ReloadFailed;

    /// <inheritdoc />
    public Verdict Moderate(Draft draft) => Check(Volatile.Read(ref _engine), draft, CancellationToken.None);

    /// <inheritdoc />
    public ValueTask<Verdict> ModerateAsync(Draft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<Verdict>(cancellationToken);
        }

        try
        {
            return ValueTask.FromResult(Check(Volatile.Read(ref _engine), draft, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<Verdict>(cancellationToken);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Verdict> ModerateMany(IEnumerable<Draft> drafts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        Draft[] items = [.. drafts];
        for (int i = 0; i < items.Length; i++)
        {
            ThrowIfInvalid(items[i], i);
        }

        var engine = Volatile.Read(ref _engine);
        var results = new Verdict[items.Length];
        long start = Stopwatch.GetTimestamp();
        if (items.Length <= 1 || _parallelism == 1)
        {
            for (int i = 0; i < items.Length; i++)
            {
                results[i] = Check(engine, items[i], cancellationToken);
            }
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken };
            Parallel.For(0, items.Length, parallel, i => results[i] = Check(engine, items[i], cancellationToken));
        }

        PostGuardLog.BatchModerated(_logger, items.Length, Stopwatch.GetElapsedTime(start).TotalMilliseconds, _parallelism, engine.RulePackHash);
        return results;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Verdict> ModerateManyAsync(IAsyncEnumerable<Draft> drafts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        return ModerateStream(drafts, cancellationToken);
    }

    private async IAsyncEnumerable<Verdict> ModerateStream(IAsyncEnumerable<Draft> drafts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A window of at most _parallelism checks in flight, awaited in arrival order: bounded and order-preserving.
        var window = new Queue<Task<Verdict>>(_parallelism);
        try
        {
            int index = 0;
            await foreach (var draft in drafts.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                ThrowIfInvalid(draft, index++);
                window.Enqueue(Task.Run(() => Check(Volatile.Read(ref _engine), draft, cancellationToken), cancellationToken));
                if (window.Count >= _parallelism)
                {
                    yield return await window.Dequeue().ConfigureAwait(false);
                }
            }

            while (window.Count > 0)
            {
                yield return await window.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            // The consumer stopped early or a check failed: let the checks still running finish and observe them.
            while (window.Count > 0)
            {
                try
                {
                    await window.Dequeue().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Observed only: the first failure (or the cancellation) is what propagates.
                }
            }
        }
    }

    /// <inheritdoc />
    public bool Reload()
    {
        ThrowIfFixed();
        return ReloadCore(ReloadTrigger.Manual, onlyIfChanged: false);
    }

    /// <inheritdoc />
    public Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFixed();
        return Task.Run(() => ReloadCore(ReloadTrigger.Manual, onlyIfChanged: false), cancellationToken);
    }

    /// <summary>Stops watching the files. The moderator keeps answering with its last engine.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // No wait for a reload in progress (Dispose may be called from a reload event handler): the watcher is
        // stopped, a reload that finishes anyway still swaps correctly, and instruments of a disposed meter are no-ops.
        _watcher?.Dispose();
        _metrics.Dispose();
    }

    private Verdict Check(PostGuardEngine engine, Draft draft, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        var verdict = engine.Evaluate(draft, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(start);
        _metrics.Moderated(verdict.Decision, elapsed);
        var level = verdict.Decision == Decision.Approve ? LogLevel.Debug : LogLevel.Information;
        if (_logger.IsEnabled(level))
        {
            PostGuardLog.DraftModerated(_logger, level, verdict.Id, verdict.Decision, verdict.Findings.Count, RuleIds(verdict),
                elapsed.TotalMilliseconds, verdict.RulePackHash);
        }

        return verdict;
    }

    private static string RuleIds(Verdict verdict)
    {
        var findings = verdict.Findings;
        if (findings.Count == 0)
        {
            return string.Empty;
        }

        var ids = new List<string>(findings.Count);
        foreach (var finding in findings)
        {
            if (!ids.Contains(finding.RuleId))
            {
                ids.Add(finding.RuleId);
            }
        }

        return string.Join(", ", ids);
    }

    private bool ReloadCore(ReloadTrigger trigger, bool onlyIfChanged)
    {
        var options = _options!;
        _reloadGate.Wait();
        try
        {
            if (Volatile.Read(ref _disposed) != 0 && trigger != ReloadTrigger.Manual)
            {
                return false;
            }

            var current = Volatile.Read(ref _engine);
            string fingerprint = ConfigurationFingerprint.Compute(options);
            if (onlyIfChanged && fingerprint == _fingerprint)
            {
                return false;
            }

            // Remember what was attempted, so a broken file is reported once, not on every poll.
            _fingerprint = fingerprint;
            long start = Stopwatch.GetTimestamp();
            PostGuardEngine engine;
            try
            {
                engine = PostGuardEngineBuilder.Create(options);
            }
            catch (PostGuardConfigurationException ex)
            {
                Fail(trigger, ex.Diagnostics, ex, current, logException: false);
                return false;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var diagnostic = new ConfigurationDiagnostic(DiagnosticCodes.Unreadable, $"the engine could not be built ({ex.GetType().Name})",
                    options.RulesPath, 0, 0);
                Fail(trigger, [diagnostic], ex, current, logException: true);
                return false;
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            var previous = Interlocked.Exchange(ref _engine, engine);
            _metrics.Reloaded(success: true);
            PostGuardLog.EngineReloaded(_logger, trigger, engine.RulePackName, previous.RulePackHash, engine.RulePackHash, engine.RuleIds.Count,
                elapsed.TotalMilliseconds);
            Raise(EngineReloaded, new EngineReloadedEventArgs(engine, previous.RulePackHash, trigger, elapsed), nameof(EngineReloaded));
            return true;
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private void Fail(ReloadTrigger trigger, IReadOnlyList<ConfigurationDiagnostic> diagnostics, Exception exception, PostGuardEngine current, bool logException)
    {
        _metrics.Reloaded(success: false);
        PostGuardLog.ReloadFailed(_logger, trigger, diagnostics.Count, current.RulePackHash, logException ? exception : null);
        foreach (var d in diagnostics)
        {
            PostGuardLog.ReloadDiagnostic(_logger, d.File, d.Line, d.Column, d.Code, d.RuleId, d.Message);
        }

        Raise(ReloadFailed, new ReloadFailedEventArgs(diagnostics, exception, current.RulePackHash, trigger), nameof(ReloadFailed));
    }

    private void Raise<TArgs>(EventHandler<TArgs>? handler, TArgs args, string name)
    {
        if (handler is null)
        {
            return;
        }

        foreach (EventHandler<TArgs> single in handler.GetInvocationList())
        {
            try
            {
                single(this, args);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                PostGuardLog.EventHandlerFailed(_logger, name, ex);
            }
        }
    }

    private void LogLoaded(PostGuardEngine engine, string source)
        => PostGuardLog.EngineLoaded(_logger, engine.RulePackName, engine.RulePackHash, engine.RuleIds.Count, engine.Classifier?.Version ?? "(none)", source);

    private void ThrowIfFixed()
    {
        if (_options is null)
        {
            throw new InvalidOperationException("This moderator was created from a fixed engine and has nothing to reload from; create it from PostGuardOptions to reload.");
        }
    }

    private static void ThrowIfInvalid(Draft? draft, int index)
    {
        if (draft is null)
        {
            throw new ArgumentNullException("drafts", $"drafts[{index}] is null.");
        }

        if (draft.Body is null)
        {
            throw new ArgumentNullException("drafts", $"drafts[{index}] has no body.");
        }
    }
}

/// <summary>An engine with the fingerprint of the files it was built from.</summary>
internal sealed record LoadedEngine(PostGuardEngine Engine, string Fingerprint)
{
    /// <summary>Fingerprints the files, then builds (a change during the build is caught by the next poll).</summary>
    public static LoadedEngine Load(PostGuardOptions options)
    {
        string fingerprint = ConfigurationFingerprint.Compute(options);
        return new LoadedEngine(PostGuardEngineBuilder.Create(options), fingerprint);
    }
}
