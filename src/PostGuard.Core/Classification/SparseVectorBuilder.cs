using System.Runtime.CompilerServices;

namespace PostGuard.Classification;

/// <summary>
/// Sums feature occurrences per bucket in caller-provided scratch memory (an open-addressing table); training uses
/// it to store each example compactly. It also sums <c>value²</c> per occurrence
/// (<see cref="OccurrenceSquaredNorm"/>), the norm the model uses: a bucket hit twice adds 2 to it, not 4.
/// </summary>
/// <remarks>
/// The caller provides the featurizer's <c>settings</c> (the kinds' values), <c>keys</c> (a power-of-two length, at least twice the number of occurrences,
/// all zero), <c>values</c> (same length) and <c>used</c> (at least the number of occurrences).
/// Allocates nothing; usable over <c>stackalloc</c> memory.
/// </remarks>
internal ref struct SparseVectorBuilder : IFeatureSink
{
    private readonly Span<int> _keys;
    private readonly Span<float> _values;
    private readonly Span<int> _used;
    private readonly int _mask;
    private readonly float _wordValue;
    private readonly float _charValue;
    private int _count;
    private double _occurrenceSquaredNorm;

    /// <summary>Creates a builder over zeroed scratch memory.</summary>
    public SparseVectorBuilder(Span<int> keys, Span<float> values, Span<int> used, FeatureSettings settings)
    {
        _wordValue = settings.WordWeight;
        _charValue = settings.CharWeight;
        _keys = keys;
        _values = values;
        _used = used;
        _mask = keys.Length - 1;
        _count = 0;
        _occurrenceSquaredNorm = 0;
    }

    /// <summary>The table length for <paramref name="occurrences"/> occurrences: a power of two, load at most 1/2.</summary>
    public static int TableSize(int occurrences) => (int)Math.Max(16u, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)occurrences * 2));

    /// <summary>
    /// The sum of <c>value²</c> over every occurrence added (not per bucket): the squared L2 norm as if every
    /// occurrence were its own feature.
    /// </summary>
    public readonly double OccurrenceSquaredNorm => _occurrenceSquaredNorm;

    /// <summary>Number of distinct buckets added so far.</summary>
    public readonly int Count => _count;

    /// <summary>The bucket of the <paramref name="index"/>-th distinct entry (in first-seen order).</summary>
    public readonly int BucketAt(int index) => _keys[_used[index]] - 1;

    /// <summary>The summed value of the <paramref name="index"/>-th distinct entry.</summary>
    public readonly float ValueAt(int index) => _values[_used[index]];

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int bucket, FeatureKind kind, int firstToken, int lastToken)
    {
        float value = kind == FeatureKind.Char ? _charValue : _wordValue;
        _occurrenceSquaredNorm += value * value;
        int key = bucket + 1;
        int slot = (int)((uint)key * 0x9E3779B1u >> 7) & _mask;
        while (true)
        {
            int k = _keys[slot];
            if (k == key)
            {
                _values[slot] += value;
                return;
            }

            if (k == 0)
            {
                _keys[slot] = key;
                _values[slot] = value;
                _used[_count++] = slot;
                return;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
