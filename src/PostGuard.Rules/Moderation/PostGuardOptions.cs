using PostGuard.Classification;

namespace PostGuard;

/// <summary>
/// What a <see cref="PostModerator"/> builds its engine from, and whether it watches those files for changes.
/// Bind it from configuration (<c>"PostGuard": { "RulesPath": "rules", "WatchForChanges": true }</c>) or set it in
/// code with <c>services.AddPostGuard(o =&gt; ...)</c>. Every property has a working default: an empty options object
/// gives the default UK schools pack.
/// </summary>
/// <remarks>Relative paths are resolved against the current directory when the engine is built.</remarks>
public sealed class PostGuardOptions
{
    /// <summary>The configuration section name used in the README's examples: <c>PostGuard</c>.</summary>
    public const string SectionName = "PostGuard";

    /// <summary>
    /// The rule pack folder (<c>pack.yaml</c> and <c>&lt;category&gt;/&lt;name&gt;.yaml</c>).
    /// Default: <c>null</c>, the default UK schools pack embedded in PostGuard.Rules.
    /// </summary>
    public string? RulesPath { get; set; }

    /// <summary>
    /// The school profile YAML (the school's own published phones, emails and addresses, which are not reported).
    /// Default: <c>null</c>, no profile.
    /// </summary>
    public string? ProfilePath { get; set; }

    /// <summary>
    /// The pupil consent register (CSV). Watched for changes like the other files when
    /// <see cref="WatchForChanges"/> is on. Default: <c>null</c>, no register.
    /// </summary>
    public string? ConsentRegisterPath { get; set; }

    /// <summary>
    /// Whether to score drafts with the toxicity classifier shipped in PostGuard.Core when <see cref="Classifier"/>
    /// is null. Default: <c>true</c>.
    /// </summary>
    public bool UseDefaultClassifier { get; set; } = true;

    /// <summary>
    /// A toxicity classifier to use instead of the shipped one (not bindable from configuration).
    /// Default: <c>null</c>, see <see cref="UseDefaultClassifier"/>.
    /// </summary>
    public IToxicityClassifier? Classifier { get; set; }

    /// <summary>
    /// Whether to watch <see cref="RulesPath"/> (recursively), <see cref="ProfilePath"/> and
    /// <see cref="ConsentRegisterPath"/> and rebuild the engine when they change. A rebuild that fails keeps the last
    /// good engine. Default: <c>false</c>.
    /// </summary>
    public bool WatchForChanges { get; set; }

    /// <summary>
    /// How long the watched files must be quiet after a change before the engine is rebuilt (editors save in several
    /// writes). Default: 250 ms. Must be between 0 and 1 minute.
    /// </summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How often the content of the watched files is fingerprinted as a fallback for file systems whose change
    /// notifications are unreliable (network shares, some containers). <see cref="TimeSpan.Zero"/> turns polling
    /// off. Only used when <see cref="WatchForChanges"/> is on. Default: 5 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many drafts the batch methods check at once. Default: <c>-1</c>, one per processor
    /// (<see cref="Environment.ProcessorCount"/>). Must be -1 or at least 1.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>
    /// The most characters of a draft that are checked; a longer draft is checked up to the limit and reviewed, never
    /// approved unread. Default: <see cref="PostGuardEngine.DefaultMaxDraftLength"/>. Must be at least 1.
    /// </summary>
    public int MaxDraftLength { get; set; } = PostGuardEngine.DefaultMaxDraftLength;

    /// <summary>
    /// Called on every engine build, after the options above have been applied and before
    /// <see cref="PostGuardEngineBuilder.Build"/>, to add anything else (a custom classifier, a register, a profile
    /// built in code). Runs again on every reload, so it should read files afresh. Default: <c>null</c>.
    /// </summary>
    public Action<PostGuardEngineBuilder, PostGuardOptions>? ConfigureEngine { get; set; }

    internal PostGuardOptions Clone() => (PostGuardOptions)MemberwiseClone();

    internal int EffectiveDegreeOfParallelism => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>The problems with these options, as sentences naming the option; empty when they are valid.</summary>
    internal List<string> Validate()
    {
        var errors = new List<string>();
        if (RulesPath is not null && !Directory.Exists(RulesPath))
        {
            errors.Add($"PostGuard:RulesPath: the rule pack folder '{RulesPath}' does not exist (full path '{Path.GetFullPath(RulesPath)}'). Set it to a folder with pack.yaml, or leave it unset for the default pack.");
        }

        CheckFile(errors, nameof(ProfilePath), ProfilePath, "school profile");
        CheckFile(errors, nameof(ConsentRegisterPath), ConsentRegisterPath, "consent register");
        if (ReloadDebounce < TimeSpan.Zero || ReloadDebounce > TimeSpan.FromMinutes(1))
        {
            errors.Add($"PostGuard:ReloadDebounce: must be between 00:00:00 and 00:01:00 (found {ReloadDebounce}).");
        }

        if (PollInterval < TimeSpan.Zero || (PollInterval > TimeSpan.Zero && PollInterval < TimeSpan.FromMilliseconds(100)))
        {
            errors.Add($"PostGuard:PollInterval: must be 00:00:00 (off) or at least 100 ms (found {PollInterval}).");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            errors.Add($"PostGuard:MaxDegreeOfParallelism: must be -1 (one per processor) or at least 1 (found {MaxDegreeOfParallelism}).");
        }

        if (MaxDraftLength < 1)
        {
            errors.Add($"PostGuard:MaxDraftLength: must be at least 1 (found {MaxDraftLength}).");
        }

        return errors;
    }

    private static void CheckFile(List<string> errors, string option, string? path, string what)
    {
        if (path is not null && !File.Exists(path))
        {
            errors.Add($"PostGuard:{option}: the {what} file '{path}' does not exist (full path '{Path.GetFullPath(path)}').");
        }
    }
}
