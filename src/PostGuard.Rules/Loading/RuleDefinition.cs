using PostGuard.Engine;

namespace PostGuard.Rules;

/// <summary>
/// A rule as loaded from a pack file: validated, not yet compiled. Each kind (terms, pattern, proximity,
/// classifier, ...) adds its own settings; all share these.
/// </summary>
public abstract record RuleDefinition
{
    /// <summary>The rule's id: <c>&lt;folder&gt;.&lt;file name&gt;</c>, e.g. <c>confidential.phone-number</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The rule kind as written in the file (<c>terms</c>, <c>pattern</c>, ...).</summary>
    public abstract string Kind { get; }

    /// <summary>The policy area its findings belong to.</summary>
    public required FindingCategory Category { get; init; }

    /// <summary>The severity of its findings (terms may override it).</summary>
    public required Severity Severity { get; init; }

    /// <summary>The message of its findings.</summary>
    public required string Message { get; init; }

    /// <summary>The policy clause it enforces.</summary>
    public required string Policy { get; init; }

    /// <summary>A policy-safe rewrite to suggest, if any.</summary>
    public string? Suggestion { get; init; }

    /// <summary>A longer explanation, shown by <c>postguard explain</c>.</summary>
    public string? Description { get; init; }

    /// <summary>False to keep the rule in the pack without running it.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Whether a person may accept its findings (in a baseline or a post's front matter) so they stop counting toward
    /// the decision. From the rule's <c>acceptable:</c> key; default false for the pupil-consent and confidential
    /// categories, true otherwise. An accepted finding of a rule that is not acceptable never lowers a reject.
    /// </summary>
    public bool Acceptable { get; init; } = true;

    /// <summary>The default of <see cref="Acceptable"/> for a category: false for pupil consent and confidential information.</summary>
    public static bool AcceptableByDefault(FindingCategory category)
        => category is not (FindingCategory.PupilConsent or FindingCategory.Confidential);

    /// <summary>The channels it applies to; empty for all.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>The audiences it applies to; empty for all.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>Drafts the rule must fire on and must not fire on.</summary>
    public IReadOnlyList<RuleExample> Examples { get; init; } = [];

    /// <summary>Where the rule was defined.</summary>
    public required SourceLocation Source { get; init; }

    internal RuleInfo ToInfo() => new(Id, Category, Severity, Message, Policy, Suggestion,
        Channels.Count > 0 ? Channels : null, Audiences.Count > 0 ? Audiences : null);

    internal abstract CompiledRule Compile(RuleCompiler compiler);
}

/// <summary>A place in a rule pack file.</summary>
/// <param name="File">The file path, relative to the pack when loaded from a folder.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>A draft in a rule's <c>examples</c> that the rule must (or must not) fire on.</summary>
/// <param name="ShouldFire">True for <c>flag:</c> examples, false for <c>pass:</c>.</param>
/// <param name="Draft">The draft.</param>
/// <param name="Source">Where the example is written.</param>
public sealed record RuleExample(bool ShouldFire, Draft Draft, SourceLocation Source);

/// <summary>A term with optional per-term overrides.</summary>
/// <param name="Text">The word or phrase, written normally.</param>
/// <param name="Severity">Overrides the rule's severity for this term.</param>
/// <param name="Suggestion">Overrides the rule's suggestion for this term.</param>
public sealed record TermItem(string Text, Severity? Severity = null, string? Suggestion = null);

/// <summary>A set of terms and patterns (patterns match the folded text and count for the words they cover).</summary>
/// <param name="Terms">Words and phrases.</param>
/// <param name="Patterns">Regular expressions.</param>
public sealed record TermSetDefinition(IReadOnlyList<TermItem> Terms, IReadOnlyList<System.Text.RegularExpressions.Regex> Patterns)
{
    /// <summary>An empty set.</summary>
    public static TermSetDefinition Empty { get; } = new([], []);

    /// <summary>True when the set has nothing to match.</summary>
    public bool IsEmpty => Terms.Count == 0 && Patterns.Count == 0;
}
