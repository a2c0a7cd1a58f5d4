using System.Numerics;
using System.Runtime.CompilerServices;

namespace PostGuard.Classification;

/// <summary>
/// Turns skeleton text into hashed features, like ML.NET's <c>FeaturizeText</c> with hashing: word unigrams and
/// bigrams, and character n-grams of each word padded with a start and an end mark (so <c>"god"</c> gives
/// <c>^g</c>, <c>go</c>, <c>od</c>, <c>d$</c>, <c>^go</c>, ...), into <c>2^HashBits</c> buckets. Words hash with
/// FNV-1a over the UTF-16 code units, finished with the MurmurHash3 mixer; a bigram mixes its two words' hashes;
/// character n-grams (at most <see cref="MaxCharNgram"/> long) come from one rolling 64-bit key per word, mixed
/// by multiply-shift. Each kind has its own seed.
/// </summary>
/// <remarks>
/// Tokens are the runs of characters between spaces (the skeleton text separates tokens with one space).
/// Visiting allocates nothing: the sink is a generic struct, called once per occurrence with the occurrence's
/// kind (its value is the kind's weight). Scoring sums weights in one pass; training sums occurrences per bucket
/// (see <see cref="SparseVectorBuilder"/>). Immutable, thread-safe.
/// </remarks>
internal sealed class Featurizer
{
    /// <summary>The longest character n-gram the 64-bit rolling key can hold (5 × 12 bits).</summary>
    public const int MaxCharNgram = 5;

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
    private readonly ulong _charMultiplier;
    private readonly int _charShift;

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
        _charMultiplier = (((ulong)settings.CharSeed << 32) ^ 0x9E3779B97F4A7C15UL) | 1;
        _charShift = 64 - settings.HashBits;
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

    /// <summary>
    /// Reports every feature occurrence of <paramref name="text"/> to <paramref name="sink"/>, word by word: the
    /// word's character n-grams, then its unigram, then its bigram with the previous word.
    /// </summary>
    /// <remarks>
    /// One pass over each word feeds the unigram hash and the character n-grams' rolling key together: the
    /// character n-grams of <c>"^word$"</c> (^ = start mark, $ = end mark) are reported by the position they end
    /// at, shortest first. The key holds the last five characters, 12 bits each (see <see cref="Fold"/>); the
    /// n-gram ending at a position is the key's low 12·n bits, with n in the top four bits.
    /// </remarks>
    public void Visit<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : IFeatureSink, allows ref struct
    {
        // A local copy: the JIT keeps its fields in registers, where accumulating through the caller's reference
        // would store and reload them on every occurrence.
        TSink local = sink;
        bool words = _wordWeight > 0;
        bool chars = _charMax > 0 && _charWeight > 0;
        int min = _charMin;
        int max = _charMax;
        int token = 0;
        uint prevHash = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (IsSeparator(text[i]))
            {
                i++;
                continue;
            }

            uint wordHash = _unigramSeed;
            ulong key = StartMark;
            if (chars && min <= 1)
            {
                local.Add(CharBucket(key, 1), FeatureKind.Char, token, token);
            }

            int length = 0;
            while (i < text.Length && !IsSeparator(text[i]))
            {
                char c = text[i];
                wordHash = (wordHash ^ c) * FnvPrime;
                if (chars)
                {
                    key = (key << 12) | Fold(c);
                    int top = Math.Min(max, length + 2);
                    for (int n = min; n <= top; n++)
                    {
                        local.Add(CharBucket(key, n), FeatureKind.Char, token, token);
                    }
                }

                length++;
                i++;
            }

            if (chars)
            {
                key = (key << 12) | EndMark;
                int top = Math.Min(max, length + 2);
                for (int n = min; n <= top; n++)
                {
                    local.Add(CharBucket(key, n), FeatureKind.Char, token, token);
                }
            }

            if (words)
            {
                local.Add(Bucket(wordHash), FeatureKind.Word, token, token);
                if (_bigrams && token > 0)
                {
                    // the pair of unigram hashes, ordered by the rotation
                    local.Add(Bucket(BitOperations.RotateLeft(prevHash, 16) ^ wordHash ^ _bigramSeed), FeatureKind.Word, token - 1, token);
                }
            }

            prevHash = wordHash;
            token++;
        }

        sink = local;
    }

    /// <summary>A character's 12 bits in the rolling key: exact below U+1000 (Latin, Greek, Cyrillic, Arabic, Hebrew, Indic scripts), folded above.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fold(char c) => (uint)(c ^ (c >> 12)) & 0xFFFu;

    // Multiply-shift hashing (Dietzfelbinger et al.): the top bits of the n-gram's key times an odd seeded
    // multiplier; any two distinct keys collide with probability about 2 / Dimension over the multiplier.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CharBucket(ulong key, int n) =>
        (int)((((key & ((1UL << (12 * n)) - 1)) | ((ulong)n << 60)) * _charMultiplier) >> _charShift);

    /// <summary>Whether <paramref name="c"/> separates tokens (space and control characters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSeparator(char c) => c <= ' ';

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
