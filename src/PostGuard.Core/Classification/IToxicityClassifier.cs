namespace PostGuard.Classification;

/// <summary>
/// Scores how toxic a text is. The engine calls <see cref="Score"/> for every text field of every draft
/// (the hot path) and <see cref="Explain"/> only when a score crosses a threshold and a finding is written.
/// </summary>
/// <remarks>
/// Implementations must be immutable and thread-safe: one instance serves every thread.
/// The text passed in is the engine's normalised skeleton text: lower case, diacritics and lookalike letters
/// folded, leetspeak undone, repeated letters squeezed, tokens separated by single spaces. An implementation
/// backed by ML.NET or a hosted model receives the same text.
/// </remarks>
public interface IToxicityClassifier
{
    /// <summary>Identifies the model (name, format and training fingerprint), reported in every verdict.</summary>
    string Version { get; }

    /// <summary>The score at or above which the model recommends a person reviews the text.</summary>
    double ReviewThreshold { get; }

    /// <summary>The score at or above which the model recommends rejecting the text.</summary>
    double RejectThreshold { get; }

    /// <summary>The probability, in 0..1, that the text is toxic. Must not allocate.</summary>
    double Score(ReadOnlySpan<char> normalizedText);

    /// <summary>
    /// The score and the parts of <paramref name="normalizedText"/> that contributed most to it,
    /// strongest first, at most <paramref name="maxContributions"/>.
    /// </summary>
    ToxicityExplanation Explain(ReadOnlySpan<char> normalizedText, int maxContributions);
}

/// <summary>A part of the normalised text that pushed the score up.</summary>
/// <param name="Start">Start in the normalised text.</param>
/// <param name="Length">Length in the normalised text.</param>
/// <param name="Weight">How much it contributed (in the model's units, e.g. logit).</param>
public readonly record struct TextContribution(int Start, int Length, double Weight);

/// <summary>A score with the parts of the text that contributed most to it.</summary>
/// <param name="Score">The probability, in 0..1, that the text is toxic.</param>
/// <param name="Contributions">The strongest positive contributions, strongest first.</param>
public sealed record ToxicityExplanation(double Score, IReadOnlyList<TextContribution> Contributions);
