using System.Globalization;

namespace PostGuard.Classification;

/// <summary>How <see cref="ToxicityTraining.Train"/> trains a model. The defaults produce the shipped model.</summary>
internal sealed record TrainingOptions
{
    /// <summary>Feature settings. Default: see <see cref="FeatureSettings"/>.</summary>
    public FeatureSettings Features { get; init; } = new();

    /// <summary>Passes over the training data. Default 8.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>Examples per mini-batch. Default 128.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>AdaGrad learning rate. Default 0.2.</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>L2 regularisation strength (objective: mean weighted log loss + L2/2 ‖w‖²). Default 1e-7.</summary>
    public double L2 { get; init; } = 1e-7;

    /// <summary>Seed of the shuffle. Default 20251121.</summary>
    public int Seed { get; init; } = 20251121;

    /// <summary>Threads for the dense update; results do not depend on it. Default 2.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>
    /// Multiplier for hateval label-0 rows (they include offensive tweets that are not hate against immigrants
    /// or women). 0 drops them. Default 0.5.
    /// </summary>
    public double HatevalNegativeWeight { get; init; } = 0.5;

    /// <summary>Whether to add the embedded school-post supplement (<c>school-supplement.tsv</c>). Default true.</summary>
    public bool UseSupplement { get; init; } = true;

    /// <summary>Multiplier for supplement rows (after class balancing). Default 10.</summary>
    public double SupplementWeight { get; init; } = 10;

    /// <summary>The review threshold is the highest score at which balanced dev recall of the toxic class is still at least this. Default 0.8.</summary>
    public double ReviewRecall { get; init; } = 0.8;

    /// <summary>The reject threshold is the lowest score at which balanced dev precision of the toxic class reaches this. Default 0.9.</summary>
    public double RejectPrecision { get; init; } = 0.9;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        Features.Validate();
        Check(Epochs is >= 1 and <= 1000, $"Epochs must be in 1..1000 (found {Epochs}).");
        Check(BatchSize is >= 1 and <= 1_000_000, $"BatchSize must be positive (found {BatchSize}).");
        Check(LearningRate > 0 && double.IsFinite(LearningRate), $"LearningRate must be positive (found {LearningRate}).");
        Check(L2 >= 0 && double.IsFinite(L2), $"L2 must be non-negative (found {L2}).");
        Check(Threads is >= 1 and <= 64, $"Threads must be in 1..64 (found {Threads}).");
        Check(HatevalNegativeWeight >= 0 && double.IsFinite(HatevalNegativeWeight), $"HatevalNegativeWeight must be non-negative (found {HatevalNegativeWeight}).");
        Check(SupplementWeight >= 0 && double.IsFinite(SupplementWeight), $"SupplementWeight must be non-negative (found {SupplementWeight}).");
        Check(ReviewRecall is > 0 and <= 1, $"ReviewRecall must be in (0, 1] (found {ReviewRecall}).");
        Check(RejectPrecision is > 0 and <= 1, $"RejectPrecision must be in (0, 1] (found {RejectPrecision}).");
    }

    /// <summary>A one-line description, stored in the model file.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"features [{Features.Describe()}]; adagrad lr={LearningRate} l2={L2} epochs={Epochs} batch={BatchSize} seed={Seed}; hateval0 x{HatevalNegativeWeight}; supplement {(UseSupplement ? $"x{SupplementWeight}" : "off")}; review recall>={ReviewRecall}, reject precision>={RejectPrecision}");

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new ArgumentException(message);
        }
    }
}
