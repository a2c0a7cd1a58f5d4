namespace PostGuard.Classification;

/// <summary>
/// How <see cref="Featurizer"/> turns skeleton text into a hashed feature vector. Stored in the model file,
/// so a model is always scored with the features it was trained on.
/// </summary>
internal sealed record FeatureSettings
{
    /// <summary>The vector has <c>2^HashBits</c> buckets. Default 19 (512 KB of int8 weights); allowed 10..24.</summary>
    public int HashBits { get; init; } = 19;

    /// <summary>Longest word n-gram: 1 (unigrams) or 2 (unigrams and bigrams). Default 2.</summary>
    public int WordNgramMax { get; init; } = 2;

    /// <summary>Shortest character n-gram, counted over the word padded with boundary marks. Default 3.</summary>
    public int CharNgramMin { get; init; } = 3;

    /// <summary>Longest character n-gram, at most 5. Default 5; 0 turns character n-grams off.</summary>
    public int CharNgramMax { get; init; } = 5;

    /// <summary>Value of one word n-gram occurrence before normalisation. Default 1.</summary>
    public float WordWeight { get; init; } = 1f;

    /// <summary>Value of one character n-gram occurrence before normalisation. Default 1.</summary>
    public float CharWeight { get; init; } = 1f;

    /// <summary>Hash seed of word unigrams.</summary>
    public uint UnigramSeed { get; init; } = 0x9E3779B9;

    /// <summary>Hash seed of word bigrams.</summary>
    public uint BigramSeed { get; init; } = 0x85EBCA6B;

    /// <summary>Hash seed of character n-grams.</summary>
    public uint CharSeed { get; init; } = 0xC2B2AE35;

    /// <summary>Number of buckets, <c>2^HashBits</c>.</summary>
    public int Dimension => 1 << HashBits;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (HashBits is < 10 or > 24)
        {
            throw new ArgumentException($"HashBits must be in 10..24 (found {HashBits}).");
        }

        if (WordNgramMax is < 1 or > 2)
        {
            throw new ArgumentException($"WordNgramMax must be 1 or 2 (found {WordNgramMax}).");
        }

        if (CharNgramMax != 0 && (CharNgramMin < 1 || CharNgramMax < CharNgramMin || CharNgramMax > Featurizer.MaxCharNgram))
        {
            throw new ArgumentException($"Character n-grams must satisfy 1 <= min <= max <= {Featurizer.MaxCharNgram}, or max = 0 (found {CharNgramMin}..{CharNgramMax}).");
        }

        if (!float.IsFinite(WordWeight) || WordWeight < 0 || !float.IsFinite(CharWeight) || CharWeight < 0 || WordWeight + CharWeight <= 0)
        {
            throw new ArgumentException($"WordWeight and CharWeight must be finite, non-negative and not both zero (found {WordWeight}, {CharWeight}).");
        }
    }

    /// <summary>A short description for logs and docs, e.g. <c>2^19, words 1-2, chars 3-5, weights 1/1</c>.</summary>
    public string Describe() =>
        $"2^{HashBits}, words 1-{WordNgramMax}, chars {(CharNgramMax == 0 ? "off" : $"{CharNgramMin}-{CharNgramMax}")}, weights {WordWeight:0.##}/{CharWeight:0.##}";
}
