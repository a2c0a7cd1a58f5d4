namespace PostGuard.Engine;

/// <summary>What every compiled rule knows about itself, whatever its kind.</summary>
internal sealed record RuleInfo(
    string Id,
    FindingCategory Category,
    Severity Severity,
    string Message,
    string Policy,
    string? Suggestion,
    IReadOnlyList<string>? Channels,
    IReadOnlyList<string>? Audiences)
{
    /// <summary>Whether the rule applies to a draft on <paramref name="channel"/> for <paramref name="audience"/>.</summary>
    /// <remarks>A draft with no audience is treated as public (the strictest), and one with no channel matches every channel.</remarks>
    public bool AppliesTo(string? channel, string? audience)
    {
        if (Channels is { Count: > 0 } && channel is not null && !Contains(Channels, channel))
        {
            return false;
        }

        if (Audiences is { Count: > 0 } && !Contains(Audiences, audience ?? "public"))
        {
            return false;
        }

        return true;
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// A rule compiled for the engine. Rules hold no per-call state: everything a check needs comes in through
/// the <see cref="EvaluationContext"/>, so one instance serves every thread.
/// </summary>
internal abstract class CompiledRule
{
    protected CompiledRule(RuleInfo info) => Info = info;

    /// <summary>The rule's identity and finding template.</summary>
    public RuleInfo Info { get; }

    /// <summary>Checks one field; called for every text field of the draft after the term and pattern hits are known.</summary>
    public virtual void EvaluateField(EvaluationContext context)
    {
    }

    /// <summary>Checks the whole draft; called once after every field was checked.</summary>
    public virtual void EvaluateDraft(EvaluationContext context)
    {
    }
}
