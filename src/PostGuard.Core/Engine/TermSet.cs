using System.Text.RegularExpressions;

namespace PostGuard.Engine;

/// <summary>
/// A compiled set of terms and patterns, registered with the engine so that one pass over a field finds
/// every set's hits. Terms are matched through the shared <see cref="TermIndex"/>; patterns run over the
/// folded text and their matches are mapped to the tokens they cover.
/// </summary>
internal sealed class TermSet
{
    internal TermSet(int id, TokenForm form, IReadOnlyList<string> terms, IReadOnlyList<Regex> patterns)
    {
        Id = id;
        Form = form;
        Terms = terms;
        Patterns = patterns;
    }

    /// <summary>The set's id in the engine: the <see cref="TermHit.Set"/> of its hits.</summary>
    public int Id { get; }

    /// <summary>The token form its terms are compared in.</summary>
    public TokenForm Form { get; }

    /// <summary>The terms as written; a hit's <see cref="TermHit.Entry"/> indexes this list.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Patterns whose matches count as hits of the set (entry -1 - pattern index).</summary>
    public IReadOnlyList<Regex> Patterns { get; }

    /// <summary>True when the set has nothing to match.</summary>
    public bool IsEmpty => Terms.Count == 0 && Patterns.Count == 0;
}
