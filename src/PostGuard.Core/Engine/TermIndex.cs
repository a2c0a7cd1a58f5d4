using System.Collections.Frozen;
using PostGuard.Text;

namespace PostGuard.Engine;

/// <summary>Which form of a token a term index compares.</summary>
internal enum TokenForm
{
    /// <summary>Leetspeak undone, repeated letters squeezed: for terms that people disguise.</summary>
    Skeleton,
    /// <summary>Folded only (case, diacritics, lookalikes): for names, where "Ana" and "Anna" differ.</summary>
    Word,
}

/// <summary>One place in the text where an entry of a term set matched: tokens <see cref="First"/>..<see cref="Last"/>.</summary>
internal readonly record struct TermHit(int Set, int Entry, int First, int Last);

/// <summary>
/// Every term and phrase of every rule in one token trie: a single pass over a field's tokens finds all of them.
/// Each token is looked up once in a frozen hash table (keyed by the parent node and the token, without allocating),
/// so the cost per token does not grow with the number of terms.
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
internal sealed class TermIndex
{
    internal const int MaxTokenLength = 64;

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _edges;
    private readonly FrozenDictionary<string, (string Word, int Node)[]>.AlternateLookup<ReadOnlySpan<char>> _masked;
    private readonly int[] _payloadStart;
    private readonly (int Set, int Entry)[] _payloads;

    private TermIndex(TokenForm form, FrozenDictionary<string, int> edges, FrozenDictionary<string, (string, int)[]> masked, int[] payloadStart, (int, int)[] payloads, int termCount)
    {
        Form = form;
        _edges = edges.GetAlternateLookup<ReadOnlySpan<char>>();
        _masked = masked.GetAlternateLookup<ReadOnlySpan<char>>();
        _payloadStart = payloadStart;
        _payloads = payloads;
        TermCount = termCount;
    }

    /// <summary>The token form this index compares.</summary>
    public TokenForm Form { get; }

    /// <summary>How many terms were added.</summary>
    public int TermCount { get; }

    /// <summary>Appends every hit in <paramref name="field"/> to <paramref name="hits"/>, in token order.</summary>
    /// <returns>False when <paramref name="maxHits"/> was reached and matching stopped early.</returns>
    public bool Match(FieldText field, List<TermHit> hits, int maxHits = int.MaxValue)
    {
        if (TermCount == 0)
        {
            return true;
        }

        Span<char> key = stackalloc char[MaxTokenLength + 2];
        Span<char> maskKey = stackalloc char[3];
        var tokens = field.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (hits.Count >= maxHits)
            {
                return false;
            }

            ref readonly var tok = ref tokens[i];
            var text = Form == TokenForm.Skeleton ? field.Skeleton(tok) : field.Word(tok);
            if (TryStep(0, text, key, out int node))
            {
                Walk(field, i, node, key, hits);
            }
            else if (tok.Has(TokenFlags.Joined) && text.Length > 3 && text[0] is 'a' or 'i' && TryStep(0, text[1..], key, out node))
            {
                // spaced letters after the article or pronoun: "what a w a n k e r" joins to "awanker"
                Walk(field, i, node, key, hits);
            }
            else if (Form == TokenForm.Skeleton && tok.Has(TokenFlags.Masked))
            {
                // f*ck, sh*t, a**hole: each mask stands for one letter; compare with the words of the same length and ends
                var masked = field.Folded[tok.FoldStart..tok.FoldEnd];
                if (masked.Length <= MaxTokenLength && MaskKey(masked, maskKey) && _masked.TryGetValue(maskKey, out var candidates))
                {
                    foreach (var (word, start) in candidates)
                    {
                        if (MatchesMasked(masked, word))
                        {
                            Walk(field, i, start, key, hits);
                        }
                    }
                }
            }
        }

        return true;
    }

    private void Walk(FieldText field, int first, int node, Span<char> key, List<TermHit> hits)
    {
        var tokens = field.Tokens;
        int last = first;
        while (true)
        {
            for (int p = _payloadStart[node]; p < _payloadStart[node + 1]; p++)
            {
                var (set, entry) = _payloads[p];
                hits.Add(new TermHit(set, entry, first, last));
            }

            if (last + 1 >= tokens.Length)
            {
                return;
            }

            ref readonly var next = ref tokens[last + 1];
            var text = Form == TokenForm.Skeleton ? field.Skeleton(next) : field.Word(next);
            if (!TryStep(node, text, key, out node))
            {
                return;
            }

            last++;
        }
    }

    private bool TryStep(int node, ReadOnlySpan<char> token, Span<char> key, out int child)
    {
        if (token.Length > MaxTokenLength || token.IsEmpty)
        {
            child = 0;
            return false;
        }

        key[0] = (char)(node & 0xFFFF);
        key[1] = (char)(node >> 16);
        token.CopyTo(key[2..]);
        return _edges.TryGetValue(key[..(token.Length + 2)], out child);
    }

    /// <summary>The key of a masked word: its first and last letter and its length (each mask one letter).</summary>
    internal static bool MaskKey(ReadOnlySpan<char> word, Span<char> key)
    {
        if (word.Length < 3 || word.Length > MaxTokenLength)
        {
            return false;
        }

        key[0] = FieldText.LeetLetter(word[0]);
        key[1] = FieldText.LeetLetter(word[^1]);
        key[2] = (char)word.Length;
        return key[0] != '*' && key[1] != '*';
    }

    private static bool MatchesMasked(ReadOnlySpan<char> masked, string word)
    {
        int known = 0;
        for (int k = 0; k < masked.Length; k++)
        {
            char c = masked[k];
            if (c == '*')
            {
                continue;
            }

            if (FieldText.LeetLetter(c) != word[k])
            {
                return false;
            }

            known++;
        }

        return known >= 2;
    }

    /// <summary>Builds a <see cref="TermIndex"/>. Not thread-safe; build once, then freeze.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> _edges = new(StringComparer.Ordinal);
        private readonly List<List<(int Set, int Entry)>?> _payloads = [null];
        private readonly Dictionary<string, List<(string Word, int Node)>> _masked = new(StringComparer.Ordinal);
        private readonly FieldText _scratch = new();
        private int _termCount;

        public Builder(TokenForm form) => Form = form;

        public TokenForm Form { get; }

        /// <summary>
        /// Adds a term (a word or phrase, written normally) for entry <paramref name="entry"/> of set <paramref name="set"/>.
        /// The term is normalised exactly as draft text is, so it matches every disguised spelling the normaliser folds.
        /// Returns false when the term has no words.
        /// </summary>
        public bool Add(string term, int set, int entry)
        {
            _scratch.Load("term", term);
            if (_scratch.TokenCount == 0)
            {
                return false;
            }

            int node = 0;
            Span<char> maskKey = stackalloc char[3];
            for (int t = 0; t < _scratch.TokenCount; t++)
            {
                var tok = _scratch[t];
                var text = Form == TokenForm.Skeleton ? _scratch.Skeleton(tok) : _scratch.Word(tok);
                if (text.Length > MaxTokenLength)
                {
                    throw new ArgumentException($"a word of the term is longer than {MaxTokenLength} characters", nameof(term));
                }

                string key = string.Concat([(char)(node & 0xFFFF), (char)(node >> 16)], text);
                if (!_edges.TryGetValue(key, out int child))
                {
                    child = _payloads.Count;
                    _payloads.Add(null);
                    _edges.Add(key, child);
                }

                if (t == 0 && Form == TokenForm.Skeleton)
                {
                    // the unsqueezed word, for masked spellings (a**hole has as many letters as asshole)
                    var word = _scratch.Word(tok);
                    var leet = new char[word.Length];
                    for (int k = 0; k < word.Length; k++)
                    {
                        leet[k] = FieldText.LeetLetter(word[k]);
                    }

                    if (MaskKey(leet.AsSpan(), maskKey))
                    {
                        string mk = maskKey.ToString();
                        string leetWord = new(leet);
                        if (!_masked.TryGetValue(mk, out var list))
                        {
                            _masked[mk] = list = [];
                        }

                        if (!list.Contains((leetWord, child)))
                        {
                            list.Add((leetWord, child));
                        }
                    }
                }

                node = child;
            }

            (_payloads[node] ??= []).Add((set, entry));
            _termCount++;
            return true;
        }

        public TermIndex Build()
        {
            var start = new int[_payloads.Count + 1];
            var flat = new List<(int, int)>();
            for (int i = 0; i < _payloads.Count; i++)
            {
                start[i] = flat.Count;
                if (_payloads[i] is { } list)
                {
                    flat.AddRange(list);
                }
            }

            start[_payloads.Count] = flat.Count;
            var masked = _masked.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
            return new TermIndex(Form, _edges.ToFrozenDictionary(StringComparer.Ordinal), masked, start, flat.ToArray(), _termCount);
        }
    }
}
