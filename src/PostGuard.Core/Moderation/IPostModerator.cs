namespace PostGuard;

/// <summary>
/// Checks drafts with the current <see cref="PostGuardEngine"/>, which may be replaced while the application runs
/// (hot reload of the rule pack, the school profile and the consent register). The service other school tools take
/// a dependency on; register it with <c>services.AddPostGuard()</c> (package PostGuard.Rules).
/// </summary>
/// <remarks>
/// Thread-safe: one instance serves every thread. Each call reads the current engine once and finishes on it, so a
/// reload never changes the rules halfway through a draft. A reload that fails keeps the last good engine.
/// </remarks>
public interface IPostModerator
{
    /// <summary>The engine new calls use. Replaced atomically by a successful reload.</summary>
    PostGuardEngine Engine { get; }

    /// <summary>Raised after a reload has replaced the engine.</summary>
    event EventHandler<EngineReloadedEventArgs>? EngineReloaded;

    /// <summary>Raised when a reload failed; the previous engine is still in use.</summary>
    event EventHandler<ReloadFailedEventArgs>? ReloadFailed;

    /// <summary>Checks one draft.</summary>
    /// <param name="draft">The draft; <see cref="Draft.Body"/> must not be null.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentNullException">The draft or its body is null.</exception>
    Verdict Moderate(Draft draft);

    /// <summary>Checks one draft.</summary>
    /// <param name="draft">The draft; <see cref="Draft.Body"/> must not be null.</param>
    /// <param name="cancellationToken">Cancels the check between fields and rules.</param>
    /// <returns>The verdict. The check is CPU-bound and completes synchronously on the calling thread.</returns>
    /// <exception cref="ArgumentNullException">The draft or its body is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    ValueTask<Verdict> ModerateAsync(Draft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a batch of drafts on all cores and returns the verdicts in the order of <paramref name="drafts"/>.
    /// The whole batch is checked by the engine that was current when the call started.
    /// </summary>
    /// <exception cref="ArgumentNullException">The sequence, a draft or a draft's body is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    IReadOnlyList<Verdict> ModerateMany(IEnumerable<Draft> drafts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a stream of drafts with bounded parallelism and yields the verdicts in the order the drafts arrived.
    /// Each draft is checked by the engine current when its check starts, so a long-running stream picks up reloads.
    /// </summary>
    /// <exception cref="ArgumentNullException">The sequence, a draft or a draft's body is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    IAsyncEnumerable<Verdict> ModerateManyAsync(IAsyncEnumerable<Draft> drafts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rebuilds the engine from its configuration now and swaps it in. On failure the previous engine stays in use,
    /// the error is logged and <see cref="ReloadFailed"/> is raised.
    /// </summary>
    /// <returns>True when a new engine is in use; false when the reload failed.</returns>
    /// <exception cref="InvalidOperationException">The moderator was created from a fixed engine and has nothing to reload from.</exception>
    bool Reload();

    /// <summary>As <see cref="Reload"/>, on a thread-pool thread (loading and compiling a pack takes milliseconds to seconds).</summary>
    /// <returns>True when a new engine is in use; false when the reload failed.</returns>
    /// <exception cref="InvalidOperationException">The moderator was created from a fixed engine and has nothing to reload from.</exception>
    Task<bool> ReloadAsync(CancellationToken cancellationToken = default);
}
