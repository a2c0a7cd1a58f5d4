using System.Runtime.CompilerServices;

namespace PostGuard.Classification;

/// <summary>
/// Sums feature occurrences per bucket in caller-provided scratch memory (an open-addressing table), so the
/// L2 norm counts repeated n-grams exactly: a bucket hit twice has value 2, adding 4 to the squared norm, not 2.
/// </summary>
/// <remarks>
/// The caller provides <c>keys</c> (a power-of-two length, at least twice the number of occurrences,
/// all zero), <c>values</c> (same length) and <c>used</c> (at least the number of occurrences).
/// Allocates nothing; usable over <c>stackalloc</c> memory.
/// </remarks>
internal ref struct SparseVectorBuilder : IFeatureSink
{
    private readonly Span<int> _keys;
    private readonly Span<float> _values;
    private readonly Span<int> _used;
    private readonly int _mask;
    private int _count;

    /// <summary>Creates a builder over zeroed scratch memory.</summary>
    public SparseVectorBuilder(Span<int> keys, Span<float> values, Span<int> used)
    {
        _keys = keys;
        _values = values;
        _used = used;
        _mask = keys.Length - 1;
        _count = 0;
    }

    /// <summary>The table length for <paramref name="occurrences"/> occurrences: a power of two, load at most 1/2.</summary>
    public static int TableSize(int occurrences) => (int)Math.Max(16u, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)occurrences * 2));

    /// <summary>Number of distinct buckets added so far.</summary>
    public readonly int Count => _count;

    /// <summary>The bucket of the <paramref name="index"/>-th distinct entry (in first-seen order).</summary>
    public readonly int BucketAt(int index) => _keys[_used[index]] - 1;

    /// <summary>The summed value of the <paramref name="index"/>-th distinct entry.</summary>
    public readonly float ValueAt(int index) => _values[_used[index]];

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int bucket, float value, int firstToken, int lastToken)
    {
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

    /// <summary>The squared L2 norm of the summed vector.</summary>
    public readonly double SquaredNorm()
    {
        double sum = 0;
        for (int i = 0; i < _count; i++)
        {
            double v = _values[_used[i]];
            sum += v * v;
        }

        return sum;
    }

    /// <summary>The dot product of the summed (unnormalised) vector with int8 <paramref name="weights"/>.</summary>
    public readonly double Dot(ReadOnlySpan<sbyte> weights)
    {
        double sum = 0;
        for (int i = 0; i < _count; i++)
        {
            int slot = _used[i];
            sum += _values[slot] * weights[_keys[slot] - 1];
        }

        return sum;
    }
}
