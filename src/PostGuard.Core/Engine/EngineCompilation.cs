using System.Text.RegularExpressions;
using PostGuard.Classification;

namespace PostGuard.Engine;

/// <summary>
/// Collects the term sets of every rule into shared indexes while a pack is compiled, then freezes them into a
/// <see cref="PostGuardEngine"/>. Single use: build once.
/// </summary>
internal sealed class EngineCompilation
{
    private readonly TermIndex.Builder _skeleton = new(TokenForm.Skeleton);
    private readonly TermIndex.Builder _word = new(TokenForm.Word);
    private readonly List<TermSet> _sets = [];
    private bool _built;

    /// <summary>
    /// Registers a set of terms and patterns. Returns the set; terms without words are reported through
    /// <paramref name="invalidTerm"/> (with their index) and left out.
    /// </summary>
    public TermSet AddTermSet(IReadOnlyList<string> terms, IReadOnlyList<Regex>? patterns, TokenForm form, Action<int, string>? invalidTerm = null)
    {
        ObjectDisposedException.ThrowIf(_built, this);
        int id = _sets.Count;
        var builder = form == TokenForm.Skeleton ? _skeleton : _word;
        for (int i = 0; i < terms.Count; i++)
        {
            try
            {
                if (!builder.Add(terms[i], id, i))
                {
                    invalidTerm?.Invoke(i, "has no letters or digits to match");
                }
            }
            catch (ArgumentException ex)
            {
                invalidTerm?.Invoke(i, ex.Message.Split(" (Parameter", 2)[0]);
            }
        }

        var set = new TermSet(id, form, terms, patterns ?? []);
        _sets.Add(set);
        return set;
    }

    /// <summary>Freezes everything into an engine.</summary>
    public PostGuardEngine Build(string packName, string packHash, DecisionPolicy policy, IReadOnlyList<CompiledRule> rules, IToxicityClassifier? classifier,
        int maxDraftLength = PostGuardEngine.DefaultMaxDraftLength)
    {
        ObjectDisposedException.ThrowIf(_built, this);
        _built = true;
        var indexes = new List<TermIndex>();
        var skeleton = _skeleton.Build();
        if (skeleton.TermCount > 0)
        {
            indexes.Add(skeleton);
        }

        var word = _word.Build();
        if (word.TermCount > 0)
        {
            indexes.Add(word);
        }

        return new PostGuardEngine(packName, packHash, policy, rules, indexes, _sets, classifier, maxDraftLength);
    }
}
