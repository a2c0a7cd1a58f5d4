namespace PostGuard.Classification;

/// <summary>The kind of a feature occurrence; its value before normalisation is the kind's weight in <see cref="FeatureSettings"/>.</summary>
internal enum FeatureKind : byte
{
    /// <summary>A word unigram or bigram (value <see cref="FeatureSettings.WordWeight"/>).</summary>
    Word,

    /// <summary>A character n-gram (value <see cref="FeatureSettings.CharWeight"/>).</summary>
    Char,
}

/// <summary>Receives the feature occurrences <see cref="Featurizer"/> finds, one call per occurrence.</summary>
/// <remarks>
/// The kind is a constant at every call site, so after inlining a sink's branches on it cost nothing (the scoring
/// sink keeps one integer sum per kind).
/// </remarks>
internal interface IFeatureSink
{
    /// <summary>One occurrence of a feature.</summary>
    /// <param name="bucket">The hashed bucket, in <c>0..Dimension-1</c>.</param>
    /// <param name="kind">Word or character n-gram; the occurrence's value is that kind's weight.</param>
    /// <param name="firstToken">Index of the first token the n-gram covers.</param>
    /// <param name="lastToken">Index of the last token the n-gram covers (equal for all but bigrams).</param>
    void Add(int bucket, FeatureKind kind, int firstToken, int lastToken);
}
