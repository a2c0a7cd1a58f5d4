using PostGuard.Engine;

namespace PostGuard.Rules.Kinds.Proximity;

/// <summary>
/// <c>kind: proximity</c> — an <see cref="Anchor"/> term near every set in <see cref="Near"/> within
/// <see cref="Window"/> words, optionally near a reference to a person, and not near any <see cref="Unless"/> term.
/// The building block for personal schedules ("Mrs Patel ... on holiday ... 3rd to 17th August") and for
/// denigration aimed at someone ("Mr Smith is useless").
/// </summary>
public sealed record ProximityRuleDefinition : RuleDefinition
{
    /// <inheritdoc />
    public override string Kind => "proximity";

    /// <summary>The terms the finding is about.</summary>
    public required TermSetDefinition Anchor { get; init; }

    /// <summary>Sets that must each have a hit within the window.</summary>
    public IReadOnlyList<TermSetDefinition> Near { get; init; } = [];

    /// <summary>How many words either side of the anchor count as near.</summary>
    public int Window { get; init; } = 10;

    /// <summary>True to require a person reference (a name, Mr/Mrs/Miss/Ms/Dr + name, I/my/he/she/his/her) within the window.</summary>
    public bool Person { get; init; }

    /// <summary>Terms that, within the window, mean the text is about something else (a public school event).</summary>
    public TermSetDefinition Unless { get; init; } = TermSetDefinition.Empty;

    /// <summary>Phrases inside which the anchor does not fire.</summary>
    public TermSetDefinition Except { get; init; } = TermSetDefinition.Empty;

    internal override CompiledRule Compile(RuleCompiler compiler)
    {
        var anchor = compiler.AddSet(this, Anchor, "anchor");
        var near = new TermSet[Near.Count];
        for (int i = 0; i < near.Length; i++)
        {
            near[i] = compiler.AddSet(this, Near[i], $"near[{i}]");
        }

        var unless = Unless.IsEmpty ? null : compiler.AddSet(this, Unless, "unless");
        var except = Except.IsEmpty ? null : compiler.AddSet(this, Except, "except");
        return new ProximityRule(ToInfo(), anchor, near, unless, except, compiler.Allow?.Id ?? -1, Window, Person, Anchor.Terms);
    }
}

/// <summary>The compiled <c>proximity</c> rule.</summary>
internal sealed class ProximityRule : CompiledRule
{
    private readonly TermSet _anchorSet;
    private readonly TermSet[] _nearSets;
    private readonly TermSet? _unlessSet;
    private readonly TermSet? _exceptSet;
    private readonly int _anchor;
    private readonly int[] _near;
    private readonly int _unless;
    private readonly int _except;
    private readonly int _allow;
    private readonly int _window;
    private readonly bool _person;
    private readonly IReadOnlyList<TermItem> _anchorTerms;

    public ProximityRule(RuleInfo info, TermSet anchor, TermSet[] near, TermSet? unless, TermSet? except, int allow, int window, bool person, IReadOnlyList<TermItem> anchorTerms)
        : base(info)
    {
        _anchorSet = anchor;
        _nearSets = near;
        _unlessSet = unless;
        _exceptSet = except;
        _anchor = anchor.Id;
        _near = [.. near.Select(n => n.Id)];
        _unless = unless?.Id ?? -1;
        _except = except?.Id ?? -1;
        _allow = allow;
        _window = window;
        _person = person;
        _anchorTerms = anchorTerms;
    }

    public override void EvaluateField(EvaluationContext context)
    {
        var slot = context.Current;
        var hits = slot.Hits;
        context.EnsurePatternHits(_anchorSet);
        if (!HasAny(hits, _anchor))
        {
            return;
        }

        // the other sets' patterns run only now that an anchor matched
        foreach (var set in _nearSets)
        {
            context.EnsurePatternHits(set);
        }

        if (_unlessSet is not null)
        {
            context.EnsurePatternHits(_unlessSet);
        }

        if (_exceptSet is not null)
        {
            context.EnsurePatternHits(_exceptSet);
        }

        int reportedUpTo = -1;
        for (int i = 0; i < hits.Count; i++)
        {
            var anchor = hits[i];
            if (anchor.Set != _anchor || anchor.First <= reportedUpTo)
            {
                continue;
            }

            if ((_except >= 0 && context.IsCovered(_except, anchor.First, anchor.Last))
                || (_allow >= 0 && context.IsCovered(_allow, anchor.First, anchor.Last)))
            {
                continue;
            }

            int lo = anchor.First - _window;
            int hi = anchor.Last + _window;
            int first = anchor.First;
            int last = anchor.Last;
            bool all = true;
            foreach (int set in _near)
            {
                if (!Nearest(hits, set, anchor, lo, hi, ref first, ref last))
                {
                    all = false;
                    break;
                }
            }

            if (!all)
            {
                continue;
            }

            if (_unless >= 0 && context.HasHit(_unless, lo, hi))
            {
                continue;
            }

            if (_person && !PersonReferences.AnyPerson(slot.Text, lo, hi))
            {
                continue;
            }

            var term = anchor.Entry >= 0 && anchor.Entry < _anchorTerms.Count ? _anchorTerms[anchor.Entry] : null;
            context.ReportTokens(Info, first, last, term?.Severity, term?.Suggestion);
            reportedUpTo = last;
        }
    }

    private static bool HasAny(List<TermHit> hits, int set)
    {
        for (int i = 0; i < hits.Count; i++)
        {
            if (hits[i].Set == set)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the hit of <paramref name="set"/> nearest the anchor within the window and widens the span to include it.</summary>
    private static bool Nearest(List<TermHit> hits, int set, TermHit anchor, int lo, int hi, ref int first, ref int last)
    {
        int best = -1;
        int bestDistance = int.MaxValue;
        for (int i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            if (h.Set != set || h.Last < lo || h.First > hi)
            {
                continue;
            }

            int distance = h.First > anchor.Last ? h.First - anchor.Last : h.Last < anchor.First ? anchor.First - h.Last : 0;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }

        if (best < 0)
        {
            return false;
        }

        first = Math.Min(first, hits[best].First);
        last = Math.Max(last, hits[best].Last);
        return true;
    }
}
