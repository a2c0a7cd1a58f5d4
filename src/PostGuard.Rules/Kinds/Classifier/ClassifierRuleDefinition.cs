using PostGuard.Engine;

namespace PostGuard.Rules.Kinds.Classifier;

/// <summary>
/// <c>kind: classifier</c> — a threshold on the toxicity classifier's score that becomes a finding. The threshold
/// is a number in 0..1 or the model's own <c>review</c> or <c>reject</c> threshold. When several classifier rules
/// fire, only the one with the highest threshold reports. Without a classifier the rule never fires.
/// </summary>
public sealed record ClassifierRuleDefinition : RuleDefinition
{
    /// <inheritdoc />
    public override string Kind => "classifier";

    /// <summary>A fixed threshold, or null to use the model's <see cref="NamedThreshold"/>.</summary>
    public double? Threshold { get; init; }

    /// <summary><c>review</c> or <c>reject</c>: the model's threshold to use when <see cref="Threshold"/> is null.</summary>
    public string? NamedThreshold { get; init; }

    /// <summary>How many contributing words to report as evidence.</summary>
    public int Explain { get; init; } = 5;

    internal double? Resolve(RuleCompiler compiler)
    {
        if (Threshold is { } t)
        {
            return t;
        }

        if (compiler.Classifier is null)
        {
            return null;
        }

        return NamedThreshold == "reject" ? compiler.Classifier.RejectThreshold : compiler.Classifier.ReviewThreshold;
    }

    internal override CompiledRule Compile(RuleCompiler compiler)
        => new ClassifierRule(ToInfo(), Resolve(compiler), compiler.ClassifierThresholds, Explain);
}

/// <summary>The compiled <c>classifier</c> rule.</summary>
internal sealed class ClassifierRule : CompiledRule
{
    private readonly double? _threshold;
    private readonly List<double> _allThresholds;
    private readonly int _explain;

    public ClassifierRule(RuleInfo info, double? threshold, List<double> allThresholds, int explain)
        : base(info)
    {
        _threshold = threshold;
        _allThresholds = allThresholds;
        _explain = explain;
    }

    public override void EvaluateDraft(EvaluationContext context)
    {
        if (_threshold is not { } threshold || context.Toxicity is not { } score || score < threshold || context.Classifier is null
            || context.MostToxicField is not { } slot)
        {
            return;
        }

        // only the rule with the highest threshold the score reaches reports
        foreach (double other in _allThresholds)
        {
            if (other > threshold && score >= other)
            {
                return;
            }
        }

        var field = slot.Text;
        var explanation = context.Classifier.Explain(field.SkeletonText, _explain);
        var evidence = new List<Evidence>(explanation.Contributions.Count);
        foreach (var c in explanation.Contributions)
        {
            var (s, l) = field.OriginalSpanOfSkeletonText(c.Start, c.Length);
            evidence.Add(new Evidence(field.FieldName, s, l, field.Original.Substring(s, l), c.Weight));
        }

        int start = 0;
        int length = field.Original.Length;
        if (evidence.Count > 0)
        {
            start = evidence[0].Start;
            length = evidence[0].Length;
        }

        // the words themselves are in the evidence (part of the verdict), never in the message
        string message = $"{Info.Message} (toxicity {score:0.00}, threshold {threshold:0.00})";
        context.Report(Info, field, start, length, message: message, evidence: evidence);
    }
}
