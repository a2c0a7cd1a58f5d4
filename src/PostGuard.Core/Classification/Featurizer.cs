using System.Runtime.CompilerServices;

namespace PostGuard.Classification;

/// <summary>
/// Turns skeleton text into hashed features, like ML.NET's <c>FeaturizeText</c> with hashing: word unigrams and
/// bigrams, and character n-grams of each word padded with a start and an end mark (so <c>"god"</c> gives
/// <c>^g</c>, <c>go</c>, <c>od</c>, <c>d$</c>, <c>^go</c>, ...). Each kind hashes with its own seed
/// (FNV-1a over the UTF-16 code units, finished with the MurmurHash3 mixer) into <c>2^HashBits</c> buckets.
/// </summary>
/// <remarks>
/// Tokens are the runs of characters between spaces (the skeleton text separates tokens with one space).
/// Visiting allocates nothing: the sink is a generic struct, called once per occurrence; the caller sums
/// occurrences per bucket when it needs the vector (see <see cref="SparseVectorBuilder"/>). Immutable, thread-safe.
/// </remarks>
internal sealed class Featurizer
{
    private const uint FnvPrime = 16777619;
    private const char StartMark = '\u0002';
    private const char EndMark = '\u0003';

    private readonly int _mask;
    private readonly int _charMin;
    private readonly int _charMax;
    private readonly bool _bigrams;
    private readonly float _wordWeight;
    private readonly float _charWeight;
    private readonly uint _unigramSeed;
    private readonly uint _bigramSeed;
    private readonly uint _charSeed;

    /// <summary>Creates a featurizer; <paramref name="settings"/> must be valid.</summary>
    public Featurizer(FeatureSettings settings)
    {
        settings.Validate();
        Settings = settings;
        _mask = settings.Dimension - 1;
        _charMin = settings.CharNgramMin;
        _charMax = settings.CharNgramMax;
        _bigrams = settings.WordNgramMax >= 2;
        _wordWeight = settings.WordWeight;
        _charWeight = settings.CharWeight;
        _unigramSeed = settings.UnigramSeed;
        _bigramSeed = settings.BigramSeed;
        _charSeed = settings.CharSeed;
    }

    /// <summary>The settings this featurizer was built from.</summary>
    public FeatureSettings Settings { get; }

    /// <summary>Number of buckets.</summary>
    public int Dimension => _mask + 1;

    /// <summary>
    /// An upper bound on the number of occurrences <see cref="Visit"/> reports for <paramref name="text"/>,
    /// hence on the number of distinct buckets. Linear in the text's length; allocates nothing.
    /// </summary>
    public int MaxOccurrences(ReadOnlySpan<char> text)
    {
        int tokens = 0;
        int charGrams = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (IsSeparator(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && !IsSeparator(text[i]))
            {
                i++;
            }

            tokens++;
            int padded = i - start + 2;
            if (_charMax > 0)
            {
                for (int n = _charMin; n <= _charMax && n <= padded; n++)
                {
                    charGrams += padded - n + 1;
                }
            }
        }

        return (tokens * 2) + charGrams;
    }

    /// <summary>Reports every feature occurrence of <paramref name="text"/> to <paramref name="sink"/>, in text order.</summary>
    public void Visit<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : IFeatureSink, allows ref struct
    {
        int token = 0;
        int prevStart = -1;
        int prevEnd = -1;
        int i = 0;
        while (i < text.Length)
        {
            if (IsSeparator(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && !IsSeparator(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            if (_wordWeight > 0)
            {
                sink.Add(Bucket(Feed(_unigramSeed, word)), _wordWeight, token, token);
                if (_bigrams && prevStart >= 0)
                {
                    uint h = Feed(_bigramSeed, text[prevStart..prevEnd]);
                    h = Feed(h, ' ');
                    h = Feed(h, word);
                    sink.Add(Bucket(h), _wordWeight, token - 1, token);
                }
            }

            if (_charMax > 0 && _charWeight > 0)
            {
                VisitCharGrams(word, token, ref sink);
            }

            prevStart = start;
            prevEnd = i;
            token++;
        }
    }

    private void VisitCharGrams<TSink>(ReadOnlySpan<char> word, int token, ref TSink sink)
        where TSink : IFeatureSink, allows ref struct
    {
        int padded = word.Length + 2;
        for (int start = 0; start < padded; start++)
        {
            uint h = _charSeed;
            int limit = Math.Min(_charMax, padded - start);
            for (int k = 0; k < limit; k++)
            {
                int at = start + k;
                char c = at == 0 ? StartMark : at == padded - 1 ? EndMark : word[at - 1];
                h = Feed(h, c);
                if (k + 1 >= _charMin)
                {
                    sink.Add(Bucket(h), _charWeight, token, token);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="c"/> separates tokens (space and control characters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSeparator(char c) => c <= ' ';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Feed(uint h, char c) => (h ^ c) * FnvPrime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Feed(uint h, ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            h = (h ^ c) * FnvPrime;
        }

        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(uint h)
    {
        // MurmurHash3 fmix32: FNV's low bits are weak on short keys.
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return (int)h & _mask;
    }
}
