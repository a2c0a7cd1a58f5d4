namespace PostGuard.Classification;

/// <summary>Confusion counts (possibly weighted) of a binary classifier at one threshold, and the scores derived from them.</summary>
/// <param name="TruePositives">Toxic, flagged.</param>
/// <param name="FalsePositives">Not toxic, flagged.</param>
/// <param name="TrueNegatives">Not toxic, not flagged.</param>
/// <param name="FalseNegatives">Toxic, not flagged.</param>
internal readonly record struct BinaryMetrics(double TruePositives, double FalsePositives, double TrueNegatives, double FalseNegatives)
{
    /// <summary>Precision of the toxic class.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>Recall of the toxic class.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>F1 of the toxic class.</summary>
    public double F1 => Harmonic(Precision, Recall);

    /// <summary>F1 of the non-toxic class.</summary>
    public double NegativeF1 => Harmonic(Ratio(TrueNegatives, TrueNegatives + FalseNegatives), Ratio(TrueNegatives, TrueNegatives + FalsePositives));

    /// <summary>Mean of the two classes' F1.</summary>
    public double MacroF1 => (F1 + NegativeF1) / 2;

    /// <summary>Counts at <paramref name="threshold"/> (flagged when score ≥ threshold).</summary>
    public static BinaryMetrics At(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels, ReadOnlySpan<double> weights, double threshold)
    {
        double tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            bool flagged = scores[i] >= threshold;
            if (labels[i] == 1)
            {
                if (flagged)
                {
                    tp += w;
                }
                else
                {
                    fn += w;
                }
            }
            else if (flagged)
            {
                fp += w;
            }
            else
            {
                tn += w;
            }
        }

        return new BinaryMetrics(tp, fp, tn, fn);
    }

    /// <summary>Area under the ROC curve (ties count half), optionally weighted; NaN when a class is missing.</summary>
    public static double RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels, ReadOnlySpan<double> weights)
    {
        var order = new int[scores.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double pos = 0, neg = 0, area = 0;
        int k = 0;
        while (k < order.Length)
        {
            int end = k;
            double tiePos = 0, tieNeg = 0;
            while (end < order.Length && keys[end] == keys[k])
            {
                int i = order[end];
                double w = weights.IsEmpty ? 1 : weights[i];
                if (labels[i] == 1)
                {
                    tiePos += w;
                }
                else
                {
                    tieNeg += w;
                }

                end++;
            }

            // positives in this tie group beat all negatives below it and half the tied negatives
            area += tiePos * (neg + (tieNeg / 2));
            pos += tiePos;
            neg += tieNeg;
            k = end;
        }

        return pos == 0 || neg == 0 ? double.NaN : area / (pos * neg);
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0;

    private static double Harmonic(double p, double r) => p + r > 0 ? 2 * p * r / (p + r) : 0;
}
