namespace PostGuard.Classification;

/// <summary>
/// Trains L2-regularised logistic regression with mini-batch AdaGrad. Minimises
/// <c>mean_i(weight_i · logloss_i) + L2/2 · ‖w‖²</c> (no penalty on the bias).
/// </summary>
/// <remarks>
/// Deterministic for a fixed seed: the shuffle uses <see cref="Random(int)"/>, gradients are summed in
/// example order, and the dense update is split into fixed coordinate ranges (independent of each other),
/// so the thread count does not change the result.
/// </remarks>
internal static class LogisticRegressionTrainer
{
    private const double Epsilon = 1e-8;

    /// <summary>Trains on <paramref name="data"/>; <paramref name="onEpoch"/> receives (epoch, mean weighted training loss, weights, bias).</summary>
    public static (float[] Weights, double Bias) Train(SparseDataset data, TrainingOptions options, Action<int, double, float[], double>? onEpoch = null)
    {
        int d = data.Dimension;
        var w = new float[d];
        var sumSq = new float[d];
        var grad = new float[d];
        double bias = 0;
        double biasSumSq = 0;
        float lr = (float)options.LearningRate;
        float l2 = (float)options.L2;
        int batch = options.BatchSize;
        int parts = Math.Max(1, options.Threads);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parts };

        var order = new int[data.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var rng = new Random(options.Seed);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            double lossSum = 0;
            for (int start = 0; start < order.Length; start += batch)
            {
                int end = Math.Min(order.Length, start + batch);
                float scale = 1f / (end - start);
                double biasGrad = 0;
                for (int k = start; k < end; k++)
                {
                    int ex = order[k];
                    int from = data.Offsets[ex];
                    int to = data.Offsets[ex + 1];
                    double z = bias;
                    for (int e = from; e < to; e++)
                    {
                        z += w[data.Indices[e]] * data.Values[e];
                    }

                    float y = data.Labels[ex];
                    float weight = data.Weights[ex];
                    lossSum += weight * LogLoss(z, y);
                    float delta = (float)((Sigmoid(z) - y) * weight * scale);
                    biasGrad += delta;
                    for (int e = from; e < to; e++)
                    {
                        grad[data.Indices[e]] += delta * data.Values[e];
                    }
                }

                if (parts == 1)
                {
                    Update(0, d, w, sumSq, grad, lr, l2);
                }
                else
                {
                    Parallel.For(0, parts, parallel, p => Update((int)((long)d * p / parts), (int)((long)d * (p + 1) / parts), w, sumSq, grad, lr, l2));
                }

                biasSumSq += biasGrad * biasGrad;
                bias -= lr * biasGrad / (Math.Sqrt(biasSumSq) + Epsilon);
            }

            onEpoch?.Invoke(epoch, lossSum / data.Count, w, bias);
        }

        return (w, bias);
    }

    private static void Update(int from, int to, float[] w, float[] sumSq, float[] grad, float lr, float l2)
    {
        for (int j = from; j < to; j++)
        {
            float wj = w[j];
            float gj = grad[j];
            if (gj != 0f)
            {
                grad[j] = 0f;
            }

            float g = gj + (l2 * wj);
            if (g == 0f)
            {
                continue;
            }

            float s = sumSq[j] + (g * g);
            sumSq[j] = s;
            w[j] = wj - (lr * g / (MathF.Sqrt(s) + (float)Epsilon));
        }
    }

    /// <summary>The logistic function.</summary>
    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    private static double LogLoss(double z, float y) =>
        // log(1 + e^-z) for y = 1, log(1 + e^z) for y = 0, computed stably
        y > 0.5f ? Softplus(-z) : Softplus(z);

    private static double Softplus(double x) => x > 30 ? x : Math.Log(1 + Math.Exp(x));
}
