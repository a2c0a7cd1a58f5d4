using System.Buffers;

namespace PostGuard.Classification;

/// <summary>
/// PostGuard's own toxicity classifier: logistic regression over hashed word and character n-grams of the
/// skeleton text, loaded from a versioned model file.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: load once, share one instance. <see cref="Score"/> allocates nothing
/// (its scratch table lives on the stack, or for long texts in <see cref="ArrayPool{T}.Shared"/>).
/// The model and how it was trained are described in <c>docs/classifier.md</c>.
/// </remarks>
public sealed class LinearToxicityClassifier : IToxicityClassifier
{
    /// <summary>The resource name of the default model embedded in PostGuard.Core.</summary>
    internal const string DefaultModelResource = "PostGuard.Classification.Model.toxicity-default.model";

    private const int StackTableLimit = 2048;

    private static readonly Lazy<LinearToxicityClassifier> s_default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Featurizer _featurizer;
    private readonly sbyte[] _weights;
    private readonly double _scale;
    private readonly double _bias;

    private LinearToxicityClassifier(ToxicityModel model)
    {
        Model = model;
        _featurizer = new Featurizer(model.Features);
        _weights = model.Weights;
        _scale = model.Scale;
        _bias = model.Bias;
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

    /// <summary>The model's log-odds for <paramref name="normalizedText"/>. Allocates nothing.</summary>
    internal double Logit(ReadOnlySpan<char> normalizedText)
    {
        int occurrences = _featurizer.MaxOccurrences(normalizedText);
        if (occurrences == 0)
        {
            return _bias;
        }

        int size = SparseVectorBuilder.TableSize(occurrences);
        if (size <= StackTableLimit)
        {
            Span<int> keys = stackalloc int[size];
            Span<float> values = stackalloc float[size];
            Span<int> used = stackalloc int[occurrences];
            return Logit(normalizedText, keys, values, used);
        }

        int[] rentedKeys = ArrayPool<int>.Shared.Rent(size);
        float[] rentedValues = ArrayPool<float>.Shared.Rent(size);
        int[] rentedUsed = ArrayPool<int>.Shared.Rent(occurrences);
        try
        {
            var keys = rentedKeys.AsSpan(0, size);
            keys.Clear();
            return Logit(normalizedText, keys, rentedValues.AsSpan(0, size), rentedUsed.AsSpan(0, occurrences));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rentedKeys);
            ArrayPool<float>.Shared.Return(rentedValues);
            ArrayPool<int>.Shared.Return(rentedUsed);
        }
    }

    private double Logit(ReadOnlySpan<char> text, Span<int> keys, Span<float> values, Span<int> used)
    {
        var vector = new SparseVectorBuilder(keys, values, used);
        _featurizer.Visit(text, ref vector);
        double norm2 = vector.SquaredNorm();
        if (norm2 <= 0)
        {
            return _bias;
        }

        return _bias + (_scale * vector.Dot(_weights) / Math.Sqrt(norm2));
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
        int occurrences = _featurizer.MaxOccurrences(normalizedText);
        if (occurrences == 0 || maxContributions == 0)
        {
            return new ToxicityExplanation(Sigmoid(logit), []);
        }

        int size = SparseVectorBuilder.TableSize(occurrences);
        var vector = new SparseVectorBuilder(new int[size], new float[size], new int[occurrences]);
        _featurizer.Visit(normalizedText, ref vector);
        double norm = Math.Sqrt(vector.SquaredNorm());

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

        var attribution = new TokenAttribution(new double[tokens.Count], _weights, _scale / norm);
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

    private readonly struct TokenAttribution(double[] perToken, sbyte[] weights, double factor) : IFeatureSink
    {
        public double[] PerToken { get; } = perToken;

        public void Add(int bucket, float value, int firstToken, int lastToken)
        {
            double contribution = value * weights[bucket] * factor;
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
