using System.Runtime.CompilerServices;

namespace PostGuard.Classification;

/// <summary>
/// PostGuard's own toxicity classifier: logistic regression over hashed word and character n-grams of the
/// skeleton text, loaded from a versioned model file.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: load once, share one instance. <see cref="Score"/> allocates nothing and uses no
/// scratch memory: one pass over the text's n-grams.
/// The model and how it was trained are described in <c>docs/classifier.md</c>.
/// </remarks>
public sealed class LinearToxicityClassifier : IToxicityClassifier
{
    /// <summary>The resource name of the default model embedded in PostGuard.Core.</summary>
    internal const string DefaultModelResource = "PostGuard.Classification.Model.toxicity-default.model";

    private static readonly Lazy<LinearToxicityClassifier> s_default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Featurizer _featurizer;
    private readonly sbyte[] _weights;
    private readonly double _scale;
    private readonly double _bias;
    private readonly double _wordValue;
    private readonly double _charValue;

    private LinearToxicityClassifier(ToxicityModel model)
    {
        Model = model;
        _featurizer = new Featurizer(model.Features);
        _weights = model.Weights;
        _scale = model.Scale;
        _bias = model.Bias;
        _wordValue = model.Features.WordWeight;
        _charValue = model.Features.CharWeight;
        Version = $"postguard-linear/{ToxicityModelFile.FormatVersion} (sha256:{Convert.ToHexStringLower(model.Checksum.AsSpan(0, Math.Min(6, model.Checksum.Length)))})";
    }

    /// <summary>The model embedded in PostGuard.Core, loaded on first use.</summary>
    /// <exception cref="InvalidDataException">The embedded model is damaged (a build problem).</exception>
    public static LinearToxicityClassifier Default => s_default.Value;

    /// <summary>
    /// Identifies the model: <c>postguard-linear/&lt;format&gt; (sha256:&lt;first 12 hex digits of the model file's SHA-256&gt;)</c>.
    /// </summary>
    public string Version { get; }

    /// <inheritdoc />
    public double ReviewThreshold => Model.ReviewThreshold;

    /// <inheritdoc />
    public double RejectThreshold => Model.RejectThreshold;

    /// <summary>The loaded model file's content.</summary>
    internal ToxicityModel Model { get; }

    /// <summary>Loads a model from <paramref name="stream"/> (read to its end; not closed).</summary>
    /// <exception cref="InvalidDataException">The data is not a model, is truncated or corrupted, or has an unsupported format version.</exception>
    public static LinearToxicityClassifier Load(Stream stream) => new(ToxicityModelFile.Read(stream));

    /// <summary>Loads a model file.</summary>
    /// <exception cref="InvalidDataException">The file is not a model, is truncated or corrupted, or has an unsupported format version.</exception>
    public static LinearToxicityClassifier LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    internal static LinearToxicityClassifier FromModel(ToxicityModel model) => new(model);

    /// <inheritdoc />
    public double Score(ReadOnlySpan<char> normalizedText) => Sigmoid(Logit(normalizedText));

    /// <summary>
    /// The model's log-odds for <paramref name="normalizedText"/>: one pass over the n-gram occurrences, summing
    /// the int8 weights and counting the occurrences per kind (an occurrence's value is its kind's weight). The
    /// norm <c>sqrt(Σ value²)</c> treats every occurrence as its own feature, exactly as training does (see
    /// <see cref="SparseDataset.Featurize"/>). No scratch memory; allocates nothing.
    /// </summary>
    internal double Logit(ReadOnlySpan<char> normalizedText)
    {
        var sums = new ScoreSink(_weights);
        _featurizer.Visit(normalizedText, ref sums);
        double norm2 = (_wordValue * _wordValue * sums.WordCount) + (_charValue * _charValue * sums.CharCount);
        if (norm2 <= 0)
        {
            return _bias;
        }

        return _bias + (_scale * ((_wordValue * sums.WordDot) + (_charValue * sums.CharDot)) / Math.Sqrt(norm2));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Each n-gram occurrence contributes <c>value × weight / ‖x‖</c> logits; character n-grams and unigrams
    /// count for their word, a bigram half for each of its two words. The result lists the words (token
    /// ranges of the skeleton text) with the largest positive sums, strongest first.
    /// </remarks>
    public ToxicityExplanation Explain(ReadOnlySpan<char> normalizedText, int maxContributions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxContributions);
        double logit = Logit(normalizedText);
        if (maxContributions == 0 || _featurizer.MaxOccurrences(normalizedText) == 0)
        {
            return new ToxicityExplanation(Sigmoid(logit), []);
        }

        var sums = new ScoreSink(_weights);
        _featurizer.Visit(normalizedText, ref sums);
        double norm = Math.Sqrt((_wordValue * _wordValue * sums.WordCount) + (_charValue * _charValue * sums.CharCount));

        var tokens = new List<(int Start, int Length)>();
        int i = 0;
        while (i < normalizedText.Length)
        {
            if (Featurizer.IsSeparator(normalizedText[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < normalizedText.Length && !Featurizer.IsSeparator(normalizedText[i]))
            {
                i++;
            }

            tokens.Add((start, i - start));
        }

        var attribution = new TokenAttribution(new double[tokens.Count], _weights, _wordValue * _scale / norm, _charValue * _scale / norm);
        _featurizer.Visit(normalizedText, ref attribution);

        var order = new List<int>(tokens.Count);
        for (int t = 0; t < tokens.Count; t++)
        {
            if (attribution.PerToken[t] > 0)
            {
                order.Add(t);
            }
        }

        order.Sort((a, b) =>
        {
            int c = attribution.PerToken[b].CompareTo(attribution.PerToken[a]);
            return c != 0 ? c : a.CompareTo(b);
        });

        int take = Math.Min(maxContributions, order.Count);
        var result = new TextContribution[take];
        for (int k = 0; k < take; k++)
        {
            var (start, length) = tokens[order[k]];
            result[k] = new TextContribution(start, length, attribution.PerToken[order[k]]);
        }

        return new ToxicityExplanation(Sigmoid(logit), result);
    }

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    private static LinearToxicityClassifier LoadDefault()
    {
        using var stream = typeof(LinearToxicityClassifier).Assembly.GetManifestResourceStream(DefaultModelResource)
            ?? throw new InvalidOperationException($"The default toxicity model resource '{DefaultModelResource}' is missing from PostGuard.Core (a build problem).");
        return Load(stream);
    }

    /// <summary>Sums the int8 weights and counts the occurrences, per kind, in integers (64-bit: no overflow for any text length).</summary>
    private ref struct ScoreSink(ReadOnlySpan<sbyte> weights) : IFeatureSink
    {
        private readonly ReadOnlySpan<sbyte> _weights = weights;

        public long WordDot;

        public long CharDot;

        public long WordCount;

        public long CharCount;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int bucket, FeatureKind kind, int firstToken, int lastToken)
        {
            if (kind == FeatureKind.Char)
            {
                CharDot += _weights[bucket];
                CharCount++;
            }
            else
            {
                WordDot += _weights[bucket];
                WordCount++;
            }
        }
    }

    private readonly struct TokenAttribution(double[] perToken, sbyte[] weights, double wordFactor, double charFactor) : IFeatureSink
    {
        public double[] PerToken { get; } = perToken;

        public void Add(int bucket, FeatureKind kind, int firstToken, int lastToken)
        {
            double contribution = weights[bucket] * (kind == FeatureKind.Char ? charFactor : wordFactor);
            if (firstToken == lastToken)
            {
                PerToken[firstToken] += contribution;
            }
            else
            {
                PerToken[firstToken] += contribution / 2;
                PerToken[lastToken] += contribution / 2;
            }
        }
    }
}
