namespace PostGuard.Classification;

/// <summary>
/// The content of a model file: feature settings, int8-quantised weights (<c>weight = Weights[i] * Scale</c>),
/// bias, thresholds, where the model came from and how it did on dev.
/// </summary>
internal sealed record ToxicityModel
{
    /// <summary>How texts are featurised.</summary>
    public required FeatureSettings Features { get; init; }

    /// <summary>Review threshold on the probability.</summary>
    public required double ReviewThreshold { get; init; }

    /// <summary>Reject threshold on the probability.</summary>
    public required double RejectThreshold { get; init; }

    /// <summary>SHA-256 of the training inputs (train file, dev file, supplement), 32 bytes.</summary>
    public required byte[] TrainingFingerprint { get; init; }

    /// <summary>A one-line description of the training options.</summary>
    public required string TrainingDescription { get; init; }

    /// <summary>Dev metrics measured on this (quantised) model, by name.</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> DevMetrics { get; init; }

    /// <summary>Quantised weights, one per bucket.</summary>
    public required sbyte[] Weights { get; init; }

    /// <summary>Scale of the quantised weights.</summary>
    public required float Scale { get; init; }

    /// <summary>The bias (intercept) in logits.</summary>
    public required double Bias { get; init; }

    /// <summary>SHA-256 of the file's content (set when read or written), 32 bytes.</summary>
    public byte[] Checksum { get; init; } = [];

    /// <summary>A dev metric by name, or <see langword="null"/>.</summary>
    public double? Metric(string name)
    {
        foreach (var kv in DevMetrics)
        {
            if (kv.Key == name)
            {
                return kv.Value;
            }
        }

        return null;
    }

    /// <summary>Quantises float weights to int8 with one scale (<c>max |w| / 127</c>), rounding to nearest.</summary>
    public static (sbyte[] Weights, float Scale) Quantize(ReadOnlySpan<float> weights)
    {
        float max = 0;
        foreach (float w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        float scale = max > 0 ? max / 127f : 1f;
        var q = new sbyte[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            q[i] = (sbyte)Math.Clamp(MathF.Round(weights[i] / scale, MidpointRounding.AwayFromZero), -127f, 127f);
        }

        return (q, scale);
    }
}
