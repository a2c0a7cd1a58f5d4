namespace PostGuard.Classification;

/// <summary>Featurised examples in compressed sparse rows: normalised values (see <see cref="Featurize"/>), labels and example weights.</summary>
internal sealed class SparseDataset
{
    private SparseDataset(int[] offsets, int[] indices, float[] values, float[] labels, float[] weights, int dimension)
    {
        Offsets = offsets;
        Indices = indices;
        Values = values;
        Labels = labels;
        Weights = weights;
        Dimension = dimension;
    }

    /// <summary>Row <c>i</c> is <c>Indices/Values[Offsets[i]..Offsets[i+1]]</c>.</summary>
    public int[] Offsets { get; }

    /// <summary>Buckets of the non-zero entries.</summary>
    public int[] Indices { get; }

    /// <summary>Values of the non-zero entries (each row divided by its occurrence norm, see <see cref="Featurize"/>).</summary>
    public float[] Values { get; }

    /// <summary>1 = toxic, 0 = not.</summary>
    public float[] Labels { get; }

    /// <summary>Example weights (mean 1).</summary>
    public float[] Weights { get; }

    /// <summary>Number of buckets.</summary>
    public int Dimension { get; }

    /// <summary>Number of examples.</summary>
    public int Count => Labels.Length;

    /// <summary>Featurises <paramref name="texts"/> (skeleton texts) in parallel; the result does not depend on the thread count.</summary>
    public static SparseDataset Build(Featurizer featurizer, IReadOnlyList<string> texts, IReadOnlyList<int> labels, IReadOnlyList<double> weights, int threads)
    {
        int n = texts.Count;
        var rows = new (int[] Indices, float[] Values)[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => rows[i] = Featurize(featurizer, texts[i]));

        var offsets = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            offsets[i + 1] = offsets[i] + rows[i].Indices.Length;
        }

        var indices = new int[offsets[n]];
        var values = new float[offsets[n]];
        var labelArray = new float[n];
        var weightArray = new float[n];
        for (int i = 0; i < n; i++)
        {
            rows[i].Indices.CopyTo(indices, offsets[i]);
            rows[i].Values.CopyTo(values, offsets[i]);
            labelArray[i] = labels[i];
            weightArray[i] = (float)weights[i];
        }

        return new SparseDataset(offsets, indices, values, labelArray, weightArray, featurizer.Dimension);
    }

    /// <summary>
    /// The normalised sparse vector of one text, sorted by bucket: occurrences are summed per bucket, and the whole
    /// vector is divided by <c>sqrt(Σ value²)</c> over the occurrences, i.e. the L2 norm as if every occurrence were
    /// its own feature (the hashing-trick norm). <see cref="LinearToxicityClassifier"/> scores with the same norm in
    /// one pass, without a per-call table; summing per bucket here only keeps the dataset small.
    /// </summary>
    public static (int[] Indices, float[] Values) Featurize(Featurizer featurizer, string text)
    {
        int occurrences = featurizer.MaxOccurrences(text);
        if (occurrences == 0)
        {
            return ([], []);
        }

        int size = SparseVectorBuilder.TableSize(occurrences);
        var vector = new SparseVectorBuilder(new int[size], new float[size], new int[occurrences], featurizer.Settings);
        featurizer.Visit(text, ref vector);
        double norm = Math.Sqrt(vector.OccurrenceSquaredNorm);
        var idx = new int[vector.Count];
        var val = new float[vector.Count];
        for (int k = 0; k < vector.Count; k++)
        {
            idx[k] = vector.BucketAt(k);
            val[k] = (float)(vector.ValueAt(k) / norm);
        }

        Array.Sort(idx, val);
        return (idx, val);
    }
}
