using PostGuard.Diagnostics;
using PostGuard.Engine;
using PostGuard.Rules.Consent;

namespace PostGuard.Rules.Kinds.PupilNames;

/// <summary>The situations a <c>pupil-names</c> rule decides, each with its own severity and suggestion.</summary>
public enum ConsentCase
{
    /// <summary>A pupil on the do-not-publish list is mentioned in any way, even by first name only. Default: the rule's severity (high → reject).</summary>
    DoNotPublish,
    /// <summary>The full name, or forename and surname initial, of a pupil without name consent. Default: the rule's severity.</summary>
    NameWithoutConsent,
    /// <summary>A name that matches pupils with and without consent (a first name, or a shared full name): say how many. Default: medium (review).</summary>
    AmbiguousName,
    /// <summary>A pupil without photo consent is tagged in an image or video. Default: the rule's severity.</summary>
    TaggedWithoutPhotoConsent,
    /// <summary>A consented pupil's full name in a post with an image or video. Default: medium.</summary>
    FullNameWithPhoto,
    /// <summary>A post with an image or video names a pupil without photo consent. Default: medium.</summary>
    NamedWithoutPhotoConsent,
}

/// <summary>Overrides for one <see cref="ConsentCase"/>; null keeps the default.</summary>
/// <param name="Severity">The finding's severity (and so, through the pack's policy, the decision).</param>
/// <param name="Suggestion">The suggestion shown with the finding.</param>
/// <param name="Message">Replaces the built-in message (which counts the pupils a shared name matches).</param>
public sealed record ConsentCaseSettings(Severity? Severity = null, string? Suggestion = null, string? Message = null);

/// <summary>
/// <c>kind: pupil-names</c> — finds the names of the pupils in the engine's consent register (see
/// <see cref="PostGuardEngineBuilder.UseConsentRegister"/>) in the title, body, alt texts, captions and tagged
/// people of a draft, and decides from each pupil's consent. Without a register the rule does nothing.
/// </summary>
/// <remarks>
/// Full names (given name + surname), given name + surname initial (<c>Amelia S.</c>) and given names alone are
/// found in one pass through the engine's token trie, in word form (case, diacritics, apostrophes and hyphens do
/// not matter). Given names that are also common words count only where they read as names
/// (<see cref="CommonWords"/>, <see cref="Phrases"/>). The rule's <c>examples</c> run against its
/// <see cref="TestRegister"/>, never against a school's real register, and the test register is never used to check drafts.
/// </remarks>
public sealed record PupilNamesRuleDefinition : RuleDefinition
{
    /// <inheritdoc />
    public override string Kind => "pupil-names";

    /// <summary>A small register of fictional pupils (CSV, default header) that the rule's examples run against; required when the rule has examples.</summary>
    public ConsentRegister? TestRegister { get; init; }

    /// <summary>Per-case overrides.</summary>
    public IReadOnlyDictionary<ConsentCase, ConsentCaseSettings> Cases { get; init; } = new Dictionary<ConsentCase, ConsentCaseSettings>();

    /// <summary>More given names to treat as common words, beyond the built-in list (Grace, Will, May, Summer, ...).</summary>
    public IReadOnlyList<string> CommonWords { get; init; } = [];

    /// <summary>More fixed phrases in which a word-name is a word, beyond the built-in list ("may the best team win", ...).</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];

    internal override CompiledRule Compile(RuleCompiler compiler) => Compile(compiler, compiler.ConsentRegister);

    /// <summary>Compiles the rule against <paramref name="register"/> (null: a rule that does nothing).</summary>
    internal CompiledRule Compile(RuleCompiler compiler, ConsentRegister? register)
    {
        var info = ToInfo();
        var cases = new PupilNamesRule.CaseTemplate[Enum.GetValues<ConsentCase>().Length];
        foreach (var c in Enum.GetValues<ConsentCase>())
        {
            Cases.TryGetValue(c, out var settings);
            bool rejectCase = c is ConsentCase.DoNotPublish or ConsentCase.NameWithoutConsent or ConsentCase.TaggedWithoutPhotoConsent;
            var severity = settings?.Severity ?? (rejectCase ? Severity : (Severity)Math.Min((int)Severity, (int)Severity.Medium));
            cases[(int)c] = new PupilNamesRule.CaseTemplate(severity, settings?.Suggestion ?? PupilNamesRule.DefaultSuggestion(c), settings?.Message);
        }

        if (register is null)
        {
            return new PupilNamesRule(info, cases, index: null, namesSet: -1, phrasesSet: -1);
        }

        var common = new HashSet<string>(NameHeuristics.CommonWords, StringComparer.Ordinal);
        foreach (var word in CommonWords)
        {
            common.Add(word.Trim().ToLowerInvariant());
        }

        var index = PupilNameIndex.Build(register.Pupils, common.Contains);
        var names = compiler.Compilation.AddTermSet(index.Terms, null, TokenForm.Word, (i, problem) =>
            compiler.Diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.InvalidRegister,
                $"a name on register row {index.Entries[i].Pupils[0].Row} cannot be matched: {problem}", register.Source, index.Entries[i].Pupils[0].Row, 0, Id)));
        string[] phrases = [.. NameHeuristics.Phrases, .. Phrases];
        var phraseSet = compiler.Compilation.AddTermSet(phrases, null, TokenForm.Word, (i, problem) =>
            compiler.Diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.InvalidTerm, $"phrase '{phrases[i]}' {problem}",
                Source.File, Source.Line, Source.Column, Id, $"phrases[{i - NameHeuristics.Phrases.Length}]")));
        return new PupilNamesRule(info, cases, index, names.Id, phraseSet.Id);
    }
}
