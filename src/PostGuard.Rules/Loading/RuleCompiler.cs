using PostGuard.Classification;
using PostGuard.Diagnostics;
using PostGuard.Engine;
using PostGuard.Rules.Consent;

namespace PostGuard.Rules;

/// <summary>What a rule definition needs while it compiles: the shared term indexes, the pack's allow-list, the profile and the classifier.</summary>
internal sealed class RuleCompiler
{
    public RuleCompiler(EngineCompilation compilation, SchoolProfile? profile, IToxicityClassifier? classifier, List<ConfigurationDiagnostic> diagnostics)
    {
        Compilation = compilation;
        Profile = profile;
        Classifier = classifier;
        Diagnostics = diagnostics;
    }

    public EngineCompilation Compilation { get; }

    public SchoolProfile? Profile { get; }

    public IToxicityClassifier? Classifier { get; }

    /// <summary>The school's consent register, or null when none is configured (pupil-names rules then do nothing).</summary>
    public ConsentRegister? ConsentRegister { get; init; }

    public List<ConfigurationDiagnostic> Diagnostics { get; }

    /// <summary>The pack-wide allow-list set (phrases no terms rule fires inside), or null when the pack has none.</summary>
    public TermSet? Allow { get; set; }

    /// <summary>Every classifier rule's threshold, so each knows the ones above it.</summary>
    public List<double> ClassifierThresholds { get; } = [];

    /// <summary>Registers a term set for <paramref name="rule"/>, reporting terms that cannot match.</summary>
    public TermSet AddSet(RuleDefinition rule, TermSetDefinition set, string path, TokenForm form = TokenForm.Skeleton)
    {
        var texts = new string[set.Terms.Count];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = set.Terms[i].Text;
        }

        return Compilation.AddTermSet(texts, set.Patterns, form, (i, problem) =>
            Diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.InvalidTerm, $"term '{texts[i]}' {problem}",
                rule.Source.File, rule.Source.Line, rule.Source.Column, rule.Id, $"{path}[{i}]")));
    }
}
