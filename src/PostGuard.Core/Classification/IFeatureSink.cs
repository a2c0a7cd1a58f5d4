namespace PostGuard.Classification;

/// <summary>Receives the feature occurrences <see cref="Featurizer"/> finds, one call per occurrence.</summary>
internal interface IFeatureSink
{
    /// <summary>One occurrence of a feature.</summary>
    /// <param name="bucket">The hashed bucket, in <c>0..Dimension-1</c>.</param>
    /// <param name="value">The occurrence's value before normalisation (the kind's weight).</param>
    /// <param name="firstToken">Index of the first token the n-gram covers.</param>
    /// <param name="lastToken">Index of the last token the n-gram covers (equal for all but bigrams).</param>
    void Add(int bucket, float value, int firstToken, int lastToken);
}
