using PostGuard.Engine;

namespace PostGuard.Rules.Kinds.Terms;

/// <summary>
/// <c>kind: terms</c> — words and phrases matched on word boundaries over the normalised text (every disguised
/// spelling the normaliser folds), with per-term severity and suggestion, and <c>except</c> phrases that never fire.
/// </summary>
public sealed record TermsRuleDefinition : RuleDefinition
{
    /// <inheritdoc />
    public override string Kind => "terms";

    /// <summary>The terms and patterns that fire.</summary>
    public required TermSetDefinition Terms { get; init; }

    /// <summary>Phrases inside which a term does not fire (e.g. "great tits" for "tits").</summary>
    public TermSetDefinition Except { get; init; } = TermSetDefinition.Empty;

    internal override CompiledRule Compile(RuleCompiler compiler)
    {
        var set = compiler.AddSet(this, Terms, "terms");
        var except = Except.IsEmpty ? null : compiler.AddSet(this, Except, "except");
        return new TermsRule(ToInfo(), set, except, compiler.Allow, Terms.Terms);
    }
}

/// <summary>The compiled <c>terms</c> rule: reads its set's hits; reports the longest, unless an except or allow phrase covers it.</summary>
internal sealed class TermsRule : CompiledRule
{
    private readonly TermSet _termSet;
    private readonly TermSet? _exceptSet;
    private readonly int _set;
    private readonly int _except;
    private readonly int _allow;
    private readonly IReadOnlyList<TermItem> _terms;

    public TermsRule(RuleInfo info, TermSet set, TermSet? except, TermSet? allow, IReadOnlyList<TermItem> terms)
        : base(info)
    {
        _termSet = set;
        _exceptSet = except;
        _set = set.Id;
        _except = except?.Id ?? -1;
        _allow = allow?.Id ?? -1;
        _terms = terms;
    }

    public override void EvaluateField(EvaluationContext context)
    {
        context.EnsurePatternHits(_termSet);
        var hits = context.Current.Hits;
        if (!HasAny(hits, _set))
        {
            return;
        }

        if (_exceptSet is not null)
        {
            context.EnsurePatternHits(_exceptSet);
        }

        int reportedUpTo = -1;
        for (int i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (hit.Set != _set || hit.First <= reportedUpTo)
            {
                continue;
            }

            // prefer the longest hit starting here ("kill you" over "kill"), and skip hits inside a longer one
            var best = hit;
            for (int j = i + 1; j < hits.Count; j++)
            {
                var other = hits[j];
                if (other.Set == _set && other.First == hit.First && other.Last > best.Last)
                {
                    best = other;
                }
            }

            if (Suppressed(context, best.First, best.Last))
            {
                continue;
            }

            var term = best.Entry >= 0 ? _terms[best.Entry] : null;
            context.ReportTokens(Info, best.First, best.Last, term?.Severity, term?.Suggestion);
            reportedUpTo = best.Last;
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

    private bool Suppressed(EvaluationContext context, int first, int last)
        => (_except >= 0 && context.IsCovered(_except, first, last)) || (_allow >= 0 && context.IsCovered(_allow, first, last));
}
