using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PostGuard.Text;

namespace PostGuard.Classification;

/// <summary>
/// Trains and evaluates <see cref="LinearToxicityClassifier"/> models from the toxicity TSV files
/// (<c>label&lt;TAB&gt;source&lt;TAB&gt;text</c>). The CLI's <c>train</c> and <c>eval</c> commands call these.
/// </summary>
internal static class ToxicityTraining
{
    /// <summary>The resource name of the school-post supplement (our own sentences) added to the training data.</summary>
    internal const string SupplementResource = "PostGuard.Classification.Training.school-supplement.tsv";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Trains on <paramref name="trainPath"/>, picks thresholds on <paramref name="devPath"/> and writes the model to
    /// <paramref name="outPath"/>. Reports progress and the dev figures to <paramref name="output"/>.
    /// </summary>
    /// <returns>0 on success, 1 when an input is missing or invalid (the error is written to <paramref name="output"/>).</returns>
    public static int Train(string trainPath, string devPath, string outPath, TextWriter output, TrainingOptions? options = null)
    {
        options ??= new TrainingOptions();
        try
        {
            options.Validate();
            var model = TrainModel(trainPath, devPath, output, options);
            string? dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            using (var stream = File.Create(outPath))
            {
                model = ToxicityModelFile.Write(stream, model);
            }

            var classifier = LinearToxicityClassifier.FromModel(model);
            Write(output, $"wrote {outPath} ({new FileInfo(outPath).Length:N0} bytes): {classifier.Version}");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            output.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Evaluates the model at <paramref name="modelPath"/> on <paramref name="dataPath"/>, overall and per source.</summary>
    /// <returns>0 on success, 1 when an input is missing or invalid (the error is written to <paramref name="output"/>).</returns>
    public static int Eval(string modelPath, string dataPath, TextWriter output)
    {
        try
        {
            var classifier = LinearToxicityClassifier.LoadFile(modelPath);
            var rows = ToxicityTsv.ReadFile(dataPath);
            var scores = ScoreRows(classifier, rows);
            output.WriteLine($"model: {classifier.Version}");
            output.WriteLine($"data:  {dataPath} ({rows.Count} rows, {Count(rows, 1)} toxic)");
            WriteReport(output, rows, scores, classifier.ReviewThreshold, classifier.RejectThreshold);
            return 0;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The classifier input for a corpus text: markup removed, then the engine's skeleton text.</summary>
    public static string Prepare(string text) => TextNormalizer.SkeletonText(TweetCleaner.Clean(text));

    /// <summary>Scores rows with <paramref name="classifier"/> exactly as the engine would (after <see cref="Prepare"/>).</summary>
    public static double[] ScoreRows(IToxicityClassifier classifier, IReadOnlyList<LabeledText> rows)
    {
        var scores = new double[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => scores[i] = classifier.Score(Prepare(rows[i].Text)));
        return scores;
    }

    /// <summary>Reads the embedded school-post supplement.</summary>
    public static List<LabeledText> ReadSupplement()
    {
        using var reader = new StreamReader(OpenSupplement(), Encoding.UTF8);
        return ToxicityTsv.Read(reader, "school-supplement.tsv");
    }

    private static Stream OpenSupplement() =>
        typeof(ToxicityTraining).Assembly.GetManifestResourceStream(SupplementResource)
        ?? throw new InvalidOperationException($"The training supplement resource '{SupplementResource}' is missing (a build problem).");

    /// <summary>
    /// Example weights: within each source the two classes get equal total weight (so no source's base rate is a
    /// shortcut), each source keeps a total proportional to its size, hateval label 0 is scaled by
    /// <see cref="TrainingOptions.HatevalNegativeWeight"/> and the supplement by <see cref="TrainingOptions.SupplementWeight"/>.
    /// Normalised to mean 1.
    /// </summary>
    public static double[] ExampleWeights(IReadOnlyList<LabeledText> rows, TrainingOptions options)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!counts.TryGetValue(r.Source, out var c))
            {
                counts[r.Source] = c = new int[2];
            }

            c[r.Label]++;
        }

        var weights = new double[rows.Count];
        double sum = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var c = counts[r.Source];
            double w = c[0] > 0 && c[1] > 0 ? (c[0] + c[1]) / (2.0 * c[r.Label]) : 1.0;
            if (r.Source == "hateval" && r.Label == 0)
            {
                w *= options.HatevalNegativeWeight;
            }

            if (r.Source == "supplement")
            {
                w *= options.SupplementWeight;
            }

            weights[i] = w;
            sum += w;
        }

        double mean = sum / rows.Count;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] /= mean;
        }

        return weights;
    }

    /// <summary>Dev weights for picking thresholds: classes balanced within each source, sources in proportion to their size.</summary>
    public static double[] BalancedWeights(IReadOnlyList<LabeledText> rows) =>
        ExampleWeights(rows, new TrainingOptions { HatevalNegativeWeight = 1, SupplementWeight = 1 });

    /// <summary>
    /// The thresholds: review is the highest score at which weighted recall of the toxic class is still at least
    /// <paramref name="reviewRecall"/>; reject is the lowest score at or above review at which weighted precision
    /// reaches <paramref name="rejectPrecision"/> (1 if it never does).
    /// </summary>
    public static (double Review, double Reject) PickThresholds(double[] scores, IReadOnlyList<LabeledText> rows, double[] weights, double reviewRecall, double rejectPrecision)
    {
        var order = new int[scores.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = new double[scores.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = -scores[i];
        }

        Array.Sort(keys, order);
        double totalPos = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Label == 1)
            {
                totalPos += weights[i];
            }
        }

        // candidate thresholds: each distinct score, flagging every row scoring at least that much
        var candidates = new List<(double Threshold, double Precision, double Recall)>();
        double tp = 0, fp = 0;
        int k = 0;
        while (k < order.Length)
        {
            double s = scores[order[k]];
            while (k < order.Length && scores[order[k]] == s)
            {
                int i = order[k];
                if (rows[i].Label == 1)
                {
                    tp += weights[i];
                }
                else
                {
                    fp += weights[i];
                }

                k++;
            }

            candidates.Add((s, tp / (tp + fp), totalPos > 0 ? tp / totalPos : 0));
        }

        double review = 0;
        foreach (var c in candidates)
        {
            if (c.Recall >= reviewRecall)
            {
                review = c.Threshold;
                break;
            }
        }

        double reject = 1;
        foreach (var c in candidates)
        {
            if (c.Threshold >= review && c.Precision >= rejectPrecision)
            {
                reject = c.Threshold;
            }
        }

        return (review, Math.Max(review, reject));
    }

    private static ToxicityModel TrainModel(string trainPath, string devPath, TextWriter output, TrainingOptions options)
    {
        var clock = Stopwatch.StartNew();
        var trainRows = ToxicityTsv.ReadFile(trainPath);
        var devRows = ToxicityTsv.ReadFile(devPath);
        var supplement = options.UseSupplement ? ReadSupplement() : [];
        byte[] fingerprint = Fingerprint(trainPath, devPath, options.UseSupplement);
        output.WriteLine($"train: {trainPath} ({trainRows.Count} rows, {Count(trainRows, 1)} toxic)");
        output.WriteLine($"dev:   {devPath} ({devRows.Count} rows, {Count(devRows, 1)} toxic)");
        output.WriteLine($"supplement: {supplement.Count} rows ({Count(supplement, 1)} toxic)");
        output.WriteLine($"options: {options.Describe()}");
        output.WriteLine($"training data sha256: {Convert.ToHexStringLower(fingerprint)}");

        var all = new List<LabeledText>(trainRows.Count + supplement.Count);
        all.AddRange(trainRows);
        all.AddRange(supplement);
        var prepared = PrepareAll(all);
        var kept = new List<LabeledText>(all.Count);
        var texts = new List<string>(all.Count);
        for (int i = 0; i < all.Count; i++)
        {
            if (prepared[i].Length > 0)
            {
                kept.Add(all[i]);
                texts.Add(prepared[i]);
            }
        }

        var weights = ExampleWeights(kept, options);
        var featurizer = new Featurizer(options.Features);
        var train = SparseDataset.Build(featurizer, texts, kept.ConvertAll(r => r.Label), weights, options.Threads);
        var devTexts = PrepareAll(devRows);
        var dev = SparseDataset.Build(featurizer, devTexts, devRows.ConvertAll(r => r.Label), new double[devRows.Count], options.Threads);
        var devLabels = devRows.ConvertAll(r => r.Label).ToArray();
        Write(output, $"prepared {train.Count} training examples ({all.Count - kept.Count} empty after cleaning dropped), {train.Indices.Length / Math.Max(1, train.Count)} features per example on average, {clock.Elapsed.TotalSeconds:0.0} s");

        var (w, b) = LogisticRegressionTrainer.Train(train, options, (epoch, loss, weightsNow, biasNow) =>
        {
            double auc = BinaryMetrics.RocAuc(Predict(dev, weightsNow, biasNow), devLabels, default);
            Write(output, $"epoch {epoch}/{options.Epochs}: training loss {loss:0.0000}, dev ROC-AUC {auc:0.0000} ({clock.Elapsed.TotalSeconds:0.0} s)");
        });

        var (q, scale) = ToxicityModel.Quantize(w);
        var draft = new ToxicityModel
        {
            Features = options.Features,
            ReviewThreshold = 0.5,
            RejectThreshold = 0.5,
            TrainingFingerprint = fingerprint,
            TrainingDescription = options.Describe(),
            DevMetrics = [],
            Weights = q,
            Scale = scale,
            Bias = b,
        };

        // thresholds and metrics come from the quantised model scoring exactly as in production
        var scores = ScoreRows(LinearToxicityClassifier.FromModel(draft), devRows);
        var (review, reject) = PickThresholds(scores, devRows, BalancedWeights(devRows), options.ReviewRecall, options.RejectPrecision);
        Write(output, $"thresholds: review {review:0.0000} (balanced dev recall >= {options.ReviewRecall}), reject {reject:0.0000} (balanced dev precision >= {options.RejectPrecision})");
        WriteReport(output, devRows, scores, review, reject);
        Write(output, $"done in {clock.Elapsed.TotalSeconds:0.0} s");
        return draft with { ReviewThreshold = review, RejectThreshold = reject, DevMetrics = DevMetrics(devRows, scores, review, reject) };
    }

    /// <summary>The metrics stored in the model file.</summary>
    public static KeyValuePair<string, double>[] DevMetrics(IReadOnlyList<LabeledText> rows, double[] scores, double review, double reject)
    {
        var list = new List<KeyValuePair<string, double>>();
        void Add(string prefix, IReadOnlyList<int> index)
        {
            var s = new double[index.Count];
            var l = new int[index.Count];
            for (int k = 0; k < index.Count; k++)
            {
                s[k] = scores[index[k]];
                l[k] = rows[index[k]].Label;
            }

            list.Add(new($"{prefix}rows", index.Count));
            list.Add(new($"{prefix}roc_auc", BinaryMetrics.RocAuc(s, l, default)));
            foreach (var (name, t) in new[] { ("review", review), ("reject", reject) })
            {
                var m = BinaryMetrics.At(s, l, default, t);
                list.Add(new($"{prefix}{name}.precision", m.Precision));
                list.Add(new($"{prefix}{name}.recall", m.Recall));
                list.Add(new($"{prefix}{name}.f1", m.F1));
                list.Add(new($"{prefix}{name}.macro_f1", m.MacroF1));
            }
        }

        Add("dev.", Enumerable.Range(0, rows.Count).ToList());
        foreach (var group in Sources(rows))
        {
            Add($"dev.{group.Key}.", group.Value);
        }

        return list.ToArray();
    }

    private static void WriteReport(TextWriter output, IReadOnlyList<LabeledText> rows, double[] scores, double review, double reject)
    {
        Write(output, $"thresholds: review {review:0.0000}, reject {reject:0.0000} (flagged when score >= threshold)");
        output.WriteLine("group          rows  toxic  ROC-AUC | at  P(tox)  R(tox)  F1(tox)  macro-F1 |    TP    FP    FN    TN");
        void Line(string name, IReadOnlyList<int> index)
        {
            var s = new double[index.Count];
            var l = new int[index.Count];
            int pos = 0;
            for (int k = 0; k < index.Count; k++)
            {
                s[k] = scores[index[k]];
                l[k] = rows[index[k]].Label;
                pos += l[k];
            }

            double auc = BinaryMetrics.RocAuc(s, l, default);
            foreach (var (at, t) in new[] { ("rv", review), ("rj", reject) })
            {
                var m = BinaryMetrics.At(s, l, default, t);
                string head = at == "rv" ? string.Create(Inv, $"{name,-12} {index.Count,6} {pos,6}  {(double.IsNaN(auc) ? "   n/a" : auc.ToString("0.0000", Inv))}") : new string(' ', 34);
                Write(output, $"{head} | {at}  {m.Precision,6:0.0000}  {m.Recall,6:0.0000}  {m.F1,7:0.0000}  {m.MacroF1,8:0.0000} | {m.TruePositives,5:0} {m.FalsePositives,5:0} {m.FalseNegatives,5:0} {m.TrueNegatives,5:0}");
            }
        }

        Line("overall", Enumerable.Range(0, rows.Count).ToList());
        foreach (var group in Sources(rows))
        {
            Line(group.Key, group.Value);
        }

        output.WriteLine("(rv = at the review threshold, rj = at the reject threshold; P/R/F1 of the toxic class, macro-F1 over both classes)");
    }

    private static SortedDictionary<string, List<int>> Sources(IReadOnlyList<LabeledText> rows)
    {
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
        {
            if (!groups.TryGetValue(rows[i].Source, out var list))
            {
                groups[rows[i].Source] = list = [];
            }

            list.Add(i);
        }

        return groups;
    }

    private static double[] Predict(SparseDataset data, float[] w, double b)
    {
        var scores = new double[data.Count];
        for (int i = 0; i < data.Count; i++)
        {
            double z = b;
            for (int e = data.Offsets[i]; e < data.Offsets[i + 1]; e++)
            {
                z += w[data.Indices[e]] * data.Values[e];
            }

            scores[i] = z;
        }

        return scores;
    }

    private static string[] PrepareAll(IReadOnlyList<LabeledText> rows)
    {
        var result = new string[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => result[i] = Prepare(rows[i].Text));
        return result;
    }

    /// <summary>SHA-256 over the training inputs: the train file, the dev file and the supplement (each length-prefixed).</summary>
    private static byte[] Fingerprint(string trainPath, string devPath, bool supplement)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(byte[] bytes)
        {
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }

        Add(File.ReadAllBytes(trainPath));
        Add(File.ReadAllBytes(devPath));
        if (supplement)
        {
            using var s = OpenSupplement();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            Add(copy.ToArray());
        }

        return hash.GetHashAndReset();
    }

    private static void Write(TextWriter output, FormattableString line) => output.WriteLine(line.ToString(Inv));

    private static int Count(List<LabeledText> rows, int label)
    {
        int n = 0;
        foreach (var r in rows)
        {
            if (r.Label == label)
            {
                n++;
            }
        }

        return n;
    }
}
