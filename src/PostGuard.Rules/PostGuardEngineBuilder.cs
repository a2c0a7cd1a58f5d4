using System.Security.Cryptography;
using System.Text;
using PostGuard.Classification;
using PostGuard.Diagnostics;
using PostGuard.Engine;
using PostGuard.Rules;
using PostGuard.Rules.Consent;
using PostGuard.Rules.Kinds.Classifier;

namespace PostGuard;

/// <summary>
/// Builds a <see cref="PostGuardEngine"/> from a rule pack, a school profile, a consent register and a classifier.
/// Configure it, call <see cref="Build"/> once, and reuse the engine everywhere.
/// </summary>
/// <example>
/// <code>
/// var engine = new PostGuardEngineBuilder()
///     .UseRulePack(RulePack.Load("rules"))
///     .UseProfile(SchoolProfile.Load("school-profile.yaml"))
///     .Build();
/// Verdict verdict = engine.Evaluate(new Draft { Body = "Well done to Year 4!" });
/// </code>
/// </example>
public sealed class PostGuardEngineBuilder
{
    private RulePack? _pack;
    private SchoolProfile? _profile;
    private IToxicityClassifier? _classifier = LinearToxicityClassifier.Default;
    private int _maxDraftLength = PostGuardEngine.DefaultMaxDraftLength;
    private ConsentRegister? _register;
    private bool _built;

    /// <summary>Uses <paramref name="pack"/> (default: <see cref="RulePack.LoadDefault"/>).</summary>
    public PostGuardEngineBuilder UseRulePack(RulePack pack)
    {
        ThrowIfBuilt();
        _pack = pack ?? throw new ArgumentNullException(nameof(pack));
        return this;
    }

    /// <summary>Uses the school's published contact details, which personal-data rules then allow.</summary>
    public PostGuardEngineBuilder UseProfile(SchoolProfile? profile)
    {
        ThrowIfBuilt();
        _profile = profile;
        return this;
    }

    /// <summary>
    /// Checks drafts against the school's pupil consent register: the pack's <c>pupil-names</c> rules find the
    /// register's pupils by name and decide from their consent. Without a register (null, the default) those rules
    /// do nothing. The register's content is part of the engine's <see cref="PostGuardEngine.RulePackHash"/>.
    /// </summary>
    public PostGuardEngineBuilder UseConsentRegister(ConsentRegister? register)
    {
        ThrowIfBuilt();
        _register = register;
        return this;
    }

    /// <summary>
    /// Scores every draft with <paramref name="classifier"/> (default: <see cref="LinearToxicityClassifier.Default"/>,
    /// the model shipped in PostGuard.Core); null for none: classifier rules then never fire and toxicity is null.
    /// </summary>
    public PostGuardEngineBuilder UseClassifier(IToxicityClassifier? classifier)
    {
        ThrowIfBuilt();
        _classifier = classifier;
        return this;
    }

    /// <summary>
    /// Builds an engine with the default UK schools pack and the shipped toxicity classifier: what
    /// <c>services.AddPostGuard()</c> gives with no configuration.
    /// </summary>
    /// <returns>A new immutable, thread-safe engine; build it once and reuse it.</returns>
    public static PostGuardEngine CreateDefault() => Create(new PostGuardOptions());

    /// <summary>
    /// Builds an engine from <paramref name="options"/>: loads the rule pack, profile and register they name, applies
    /// <see cref="PostGuardOptions.ConfigureEngine"/> and compiles. The watching options are ignored here (see
    /// <see cref="PostModerator"/>).
    /// </summary>
    /// <returns>A new immutable, thread-safe engine; build it once and reuse it.</returns>
    /// <exception cref="PostGuardConfigurationException">A file is missing or invalid; every problem in every file is listed.</exception>
    public static PostGuardEngine Create(PostGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PostGuardEngineBuilder().Configure(options).Build();
    }

    /// <summary>
    /// THE place where options become builder calls; <see cref="Create"/>, <see cref="CreateDefault"/>, the DI
    /// registration and every hot reload go through here.
    /// </summary>
    internal PostGuardEngineBuilder Configure(PostGuardOptions options)
    {
        var diagnostics = new List<ConfigurationDiagnostic>();
        var pack = Collect(diagnostics, () => options.RulesPath is { } rules ? RulePack.Load(rules) : RulePack.LoadDefault());
        var profile = options.ProfilePath is { } profilePath ? Collect(diagnostics, () => SchoolProfile.Load(profilePath)) : null;

        var register = options.ConsentRegisterPath is { } registerPath ? Collect(diagnostics, () => ConsentRegister.Load(registerPath)) : null;
        if (diagnostics.Count > 0)
        {
            throw new PostGuardConfigurationException(diagnostics);
        }

        UseRulePack(pack!);
        UseProfile(profile);
        if (register is not null)
        {
            UseConsentRegister(register);
        }

        UseClassifier(options.Classifier ?? (options.UseDefaultClassifier ? LinearToxicityClassifier.Default : null));
        UseMaxDraftLength(options.MaxDraftLength);

        options.ConfigureEngine?.Invoke(this, options);
        return this;
    }

    private static T? Collect<T>(List<ConfigurationDiagnostic> diagnostics, Func<T> load)
        where T : class
    {
        try
        {
            return load();
        }
        catch (PostGuardConfigurationException ex)
        {
            diagnostics.AddRange(ex.Diagnostics);
            return null;
        }
    }

    /// <summary>
    /// Sets the most characters of a draft that are checked (default <see cref="PostGuardEngine.DefaultMaxDraftLength"/>);
    /// a longer draft is checked up to the limit and reviewed, never approved unread.
    /// </summary>
    public PostGuardEngineBuilder UseMaxDraftLength(int characters)
    {
        ThrowIfBuilt();
        ArgumentOutOfRangeException.ThrowIfLessThan(characters, 1);
        _maxDraftLength = characters;
        return this;
    }

    /// <summary>Compiles the configured pack into an immutable, thread-safe engine. A builder builds once.</summary>
    /// <exception cref="PostGuardConfigurationException">A rule cannot be compiled (e.g. a term with no words).</exception>
    public PostGuardEngine Build()
    {
        ThrowIfBuilt();
        _built = true;
        var pack = _pack ?? RulePack.LoadDefault();
        var diagnostics = new List<ConfigurationDiagnostic>();
        var compilation = new EngineCompilation();
        var compiler = new RuleCompiler(compilation, _profile, _classifier, diagnostics) { ConsentRegister = _register };
        if (pack.Allow.Count > 0)
        {
            compiler.Allow = compilation.AddTermSet(pack.Allow, null, TokenForm.Skeleton, (i, problem) =>
                diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.InvalidTerm, $"allow phrase '{pack.Allow[i]}' {problem}", "pack.yaml", 0, 0, null, $"allow[{i}]")));
            compilation.ExcludeFromClassifier(compiler.Allow);
        }

        var enabled = pack.Rules.Where(r => r.Enabled).ToList();
        foreach (var rule in enabled.OfType<ClassifierRuleDefinition>())
        {
            if (rule.Resolve(compiler) is { } threshold)
            {
                compiler.ClassifierThresholds.Add(threshold);
            }
        }

        var compiled = new List<CompiledRule>(enabled.Count);
        foreach (var rule in enabled)
        {
            compiled.Add(rule.Compile(compiler));
        }

        if (diagnostics.Count > 0)
        {
            throw new PostGuardConfigurationException(diagnostics);
        }

        return compilation.Build(pack.Name, CombinedHash(pack), pack.Policy, compiled, _classifier, _maxDraftLength);
    }

    private string CombinedHash(RulePack pack)
    {
        if (_profile?.ContentHashSource is not { } profileText)
        {
            if (_register is null)
            {
                return pack.Hash;
            }

            profileText = string.Empty;
        }

        string text = pack.Hash + "\0" + profileText;
        if (_register is not null)
        {
            text += "\0consent:" + _register.ContentHash;
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(bytes)[..16];
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built an engine; create a new builder to build another.");
        }
    }
}
