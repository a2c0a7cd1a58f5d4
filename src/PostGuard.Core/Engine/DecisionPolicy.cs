namespace PostGuard;

/// <summary>
/// Maps the severities of a verdict's findings to its decision, optionally stricter for some audiences.
/// The default: any high → reject, any medium → review, low only → approve (with findings).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DecisionPolicy
{
    private readonly Decision[] _default;
    private readonly Dictionary<string, Decision[]> _byAudience;

    /// <summary>Creates a policy from a severity → decision map and per-audience overrides.</summary>
    /// <param name="decisions">The decision for each severity; missing severities keep the default.</param>
    /// <param name="audiences">Per audience (public, parents, staff), severity → decision overrides.</param>
    public DecisionPolicy(
        IReadOnlyDictionary<Severity, Decision>? decisions = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<Severity, Decision>>? audiences = null)
    {
        _default = [Decision.Approve, Decision.Review, Decision.Reject];
        if (decisions is not null)
        {
            foreach (var (severity, decision) in decisions)
            {
                _default[(int)severity] = decision;
            }
        }

        _byAudience = new Dictionary<string, Decision[]>(StringComparer.OrdinalIgnoreCase);
        if (audiences is not null)
        {
            foreach (var (audience, map) in audiences)
            {
                var table = (Decision[])_default.Clone();
                foreach (var (severity, decision) in map)
                {
                    table[(int)severity] = decision;
                }

                _byAudience[audience] = table;
            }
        }
    }

    /// <summary>The default policy: high → reject, medium → review, low → approve.</summary>
    public static DecisionPolicy Default { get; } = new();

    /// <summary>The decision a single finding of <paramref name="severity"/> leads to for <paramref name="audience"/>.</summary>
    /// <remarks>A draft without an audience is judged as public, the strictest audience.</remarks>
    public Decision DecisionFor(Severity severity, string? audience)
    {
        var table = _byAudience.Count > 0 && _byAudience.TryGetValue(audience ?? "public", out var t) ? t : _default;
        return table[(int)severity];
    }

    /// <summary>The decision for a whole set of findings: the most severe decision any of them leads to.</summary>
    public Decision Decide(IReadOnlyList<Finding> findings, string? audience)
    {
        var decision = Decision.Approve;
        for (int i = 0; i < findings.Count; i++)
        {
            var d = DecisionFor(findings[i].Severity, audience);
            if (d > decision)
            {
                decision = d;
            }
        }

        return decision;
    }
}
