namespace PostGuard;

/// <summary>What should happen to a draft.</summary>
public enum Decision
{
    /// <summary>Publish; any findings are informational.</summary>
    Approve = 0,
    /// <summary>A person should look at it before it is published.</summary>
    Review = 1,
    /// <summary>Do not publish as written.</summary>
    Reject = 2,
}

/// <summary>How serious a finding is; the decision policy maps severities to decisions.</summary>
public enum Severity
{
    /// <summary>Worth knowing; approves by default.</summary>
    Low = 0,
    /// <summary>Needs a person's judgement; reviews by default.</summary>
    Medium = 1,
    /// <summary>Breaks policy; rejects by default.</summary>
    High = 2,
}

/// <summary>The policy area a finding belongs to.</summary>
public enum FindingCategory
{
    /// <summary>Confidential information and personal data.</summary>
    Confidential,
    /// <summary>Where or when a person will be, or be away.</summary>
    PersonalSchedule,
    /// <summary>Derogatory, offensive, discriminatory or threatening content.</summary>
    Derogatory,
    /// <summary>Pupils named or pictured without consent.</summary>
    PupilConsent,
    /// <summary>The toxicity classifier's score.</summary>
    Toxicity,
}

/// <summary>
/// One reason behind a verdict: which rule fired, why, which policy clause it enforces and where in the draft.
/// </summary>
/// <param name="RuleId">The rule's id, e.g. <c>confidential.phone-number</c>.</param>
/// <param name="Category">The policy area.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">A sentence a person can act on.</param>
/// <param name="Policy">The policy clause the rule enforces.</param>
/// <param name="Field">The draft field: <c>title</c>, <c>body</c>, <c>attachments[0].caption</c>, ...; <c>draft</c> for the whole draft.</param>
/// <param name="Start">Start of the match in UTF-16 code units of the original field text.</param>
/// <param name="Length">Length of the match in UTF-16 code units of the original field text.</param>
/// <param name="Excerpt">The original text at <paramref name="Start"/>..<paramref name="Length"/>.</param>
/// <param name="Suggestion">A policy-safe rewrite, when the rule has one.</param>
public sealed record Finding(
    string RuleId,
    FindingCategory Category,
    Severity Severity,
    string Message,
    string Policy,
    string Field,
    int Start,
    int Length,
    string Excerpt,
    string? Suggestion = null)
{
    /// <summary>For classifier findings: the words that contributed most to the score, strongest first.</summary>
    public IReadOnlyList<Evidence>? Evidence { get; init; }
}

/// <summary>A span of a field that contributed to a finding (e.g. a word the classifier weighed heavily).</summary>
/// <param name="Field">The draft field.</param>
/// <param name="Start">Start in UTF-16 code units of the original field text.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Excerpt">The original text at the span.</param>
/// <param name="Weight">How much it contributed (model-specific units; larger is more).</param>
public sealed record Evidence(string Field, int Start, int Length, string Excerpt, double Weight);

/// <summary>The outcome of checking one draft.</summary>
/// <param name="Id">The draft's id.</param>
/// <param name="Decision">approve, review or reject.</param>
/// <param name="Findings">Every reason, most severe first, then by field and position.</param>
/// <param name="Toxicity">The classifier's score in 0..1, or null when no classifier is configured.</param>
/// <param name="RulePack">The rule pack's name.</param>
/// <param name="RulePackHash">A content hash of the rule pack (and profile and register) that produced the verdict.</param>
/// <param name="ClassifierVersion">The classifier's version, or null when none is configured.</param>
public sealed record Verdict(
    string? Id,
    Decision Decision,
    IReadOnlyList<Finding> Findings,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] double? Toxicity,
    string RulePack,
    string RulePackHash,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? ClassifierVersion);
