using System.Globalization;
using System.Runtime.CompilerServices;

namespace PostGuard.Text;

/// <summary>Facts about one token, as bit flags.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    /// <summary>The token's first letter is upper case in the original text.</summary>
    Capitalized = 1,
    /// <summary>Every letter of the token is upper case in the original text (and it has at least two).</summary>
    AllCaps = 2,
    /// <summary>The token starts a sentence, a line or the field.</summary>
    SentenceStart = 4,
    /// <summary>Masking characters (<c>*</c>) stood between its letters, as in <c>f*ck</c> or <c>st**upi**d</c>.</summary>
    Masked = 8,
    /// <summary>The token was joined from single letters separated by spaces or dots (<c>s t u p i d</c>).</summary>
    Joined = 16,
    /// <summary>The token has at least one letter.</summary>
    HasLetter = 32,
    /// <summary>The token is left out of <see cref="FieldText.SkeletonText"/> (inside a pack allow-list phrase such as "Dick Whittington").</summary>
    Excluded = 64,
}

/// <summary>
/// A word of a field: its place in the folded view and its two comparison forms.
/// <list type="bullet">
/// <item><b>word</b>: folded (lower case, no diacritics, Latin lookalikes), masks removed — names are compared in this form.</item>
/// <item><b>skeleton</b>: the word with leetspeak undone and repeated letters squeezed to one — terms are compared in this form.</item>
/// </list>
/// </summary>
internal struct Token
{
    public int FoldStart;
    public int FoldEnd;
    public int WordStart;
    public int WordLength;
    public int SkeletonStart;
    public int SkeletonLength;
    public TokenFlags Flags;

    public readonly bool Has(TokenFlags flag) => (Flags & flag) != 0;
}

/// <summary>
/// The normalised views of one field of a draft, computed once and shared by every matcher:
/// the folded text (with a map from every folded character back to the original text),
/// the tokens with their word and skeleton forms, and the skeleton text the classifier scores.
/// </summary>
/// <remarks>
/// Instances are reused: <see cref="Load"/> overwrites the previous content, and arrays only grow,
/// so a warmed-up instance checks a draft without allocating. Not thread-safe; one per thread.
/// </remarks>
internal sealed class FieldText
{
    private const int MaxGap = 3;

    private char[] _folded = new char[256];
    private int[] _mapStart = new int[256];
    private int[] _mapEnd = new int[256];
    private Token[] _tokens = new Token[64];
    private char[] _forms = new char[512];
    private char[] _skeletonText = new char[256];
    private int[] _skeletonTextTokenStart = new int[64];
    private bool _skeletonTextBuilt;

    /// <summary>The original text of the field.</summary>
    public string Original { get; private set; } = string.Empty;

    /// <summary>The field's name as findings report it (<c>body</c>, <c>attachments[0].caption</c>, ...).</summary>
    public string FieldName { get; private set; } = string.Empty;

    /// <summary>Length of the folded view.</summary>
    public int FoldedLength { get; private set; }

    /// <summary>Number of tokens.</summary>
    public int TokenCount { get; private set; }

    /// <summary>The folded view: lower case, compatibility forms and diacritics folded, invisible characters removed.</summary>
    public ReadOnlySpan<char> Folded => _folded.AsSpan(0, FoldedLength);

    /// <summary>The tokens in order.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(0, TokenCount);

    /// <summary>A token by index.</summary>
    public ref readonly Token this[int index] => ref _tokens[index];

    /// <summary>The word form of a token (folded, masks removed).</summary>
    public ReadOnlySpan<char> Word(in Token t) => _forms.AsSpan(t.WordStart, t.WordLength);

    /// <summary>The skeleton form of a token (leetspeak undone, repeated letters squeezed).</summary>
    public ReadOnlySpan<char> Skeleton(in Token t) => _forms.AsSpan(t.SkeletonStart, t.SkeletonLength);

    /// <summary>Start of a folded range in the original text.</summary>
    public int OriginalStart(int foldedIndex) => foldedIndex < FoldedLength ? _mapStart[foldedIndex] : Original.Length;

    /// <summary>End (exclusive) in the original text of a folded range ending at <paramref name="foldedEnd"/> (exclusive).</summary>
    public int OriginalEnd(int foldedEnd) => foldedEnd <= 0 ? 0 : _mapEnd[foldedEnd - 1];

    /// <summary>The original span of tokens <paramref name="first"/>..<paramref name="last"/> (inclusive).</summary>
    public (int Start, int Length) OriginalSpan(int first, int last)
    {
        int start = _mapStart[_tokens[first].FoldStart];
        int end = _mapEnd[_tokens[last].FoldEnd - 1];
        return (start, end - start);
    }

    /// <summary>The original span of a folded range.</summary>
    public (int Start, int Length) OriginalSpanOfFolded(int foldedStart, int foldedEnd)
    {
        if (foldedEnd <= foldedStart)
        {
            int at = OriginalStart(foldedStart);
            return (at, 0);
        }

        int start = _mapStart[foldedStart];
        int end = _mapEnd[foldedEnd - 1];
        return (start, end - start);
    }

    /// <summary>Normalises <paramref name="original"/> into this instance's views.</summary>
    public void Load(string fieldName, string original)
    {
        FieldName = fieldName;
        Original = original;
        _skeletonTextBuilt = false;
        Fold(original);
        Tokenize();
        JoinSpacedLetters();
        BuildForms();
    }

    // ---------------------------------------------------------------- folding

    private void Fold(string s)
    {
        EnsureFolded(s.Length + 16);
        int n = 0;
        for (int i = 0; i < s.Length;)
        {
            char c = s[i];
            if (c < 128 && c != '&')
            {
                if ((uint)(c - 'A') <= 'Z' - 'A')
                {
                    c = (char)(c | 0x20);
                }
                else if (c < ' ' || c == 127)
                {
                    if (c is '\n' or '\t' or '\r' or '\f' or '\v')
                    {
                        c = c == '\n' ? '\n' : ' ';
                    }
                    else
                    {
                        i++;
                        continue;
                    }
                }

                EnsureFolded(n + 1);
                _folded[n] = c;
                _mapStart[n] = i;
                _mapEnd[n] = i + 1;
                n++;
                i++;
                continue;
            }

            int consumed;
            string text;
            if (c == '&' && TryDecodeEntity(s, i, out int cp, out consumed))
            {
                text = cp > char.MaxValue ? CharFolding.OfSupplementary(cp) : CharFolding.Of((char)cp);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                text = CharFolding.OfSupplementary(char.ConvertToUtf32(c, s[i + 1]));
                consumed = 2;
            }
            else
            {
                text = CharFolding.Of(c);
                consumed = 1;
            }

            EnsureFolded(n + text.Length);
            foreach (char f in text)
            {
                _folded[n] = f;
                _mapStart[n] = i;
                _mapEnd[n] = i + consumed;
                n++;
            }

            i += consumed;
        }

        FoldedLength = n;
    }

    private static bool TryDecodeEntity(string s, int at, out int codePoint, out int consumed)
    {
        codePoint = 0;
        consumed = 0;
        int semi = s.IndexOf(';', at + 1, Math.Min(12, s.Length - at - 1));
        if (semi < 0)
        {
            return false;
        }

        var body = s.AsSpan(at + 1, semi - at - 1);
        if (body.Length >= 2 && body[0] == '#')
        {
            bool hex = body[1] is 'x' or 'X';
            var digits = hex ? body[2..] : body[1..];
            if (digits.IsEmpty || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out codePoint)
                || codePoint is <= 0 or > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
            {
                return false;
            }
        }
        else
        {
            codePoint = body switch
            {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "shy" => '\u00AD',
                "zwj" => '\u200D',
                "zwnj" => '\u200C',
                _ => 0,
            };
            if (codePoint == 0)
            {
                return false;
            }
        }

        consumed = semi - at + 1;
        return true;
    }

    private void EnsureFolded(int size)
    {
        if (size <= _folded.Length)
        {
            return;
        }

        int newSize = Math.Max(size, _folded.Length * 2);
        Array.Resize(ref _folded, newSize);
        Array.Resize(ref _mapStart, newSize);
        Array.Resize(ref _mapEnd, newSize);
    }

    // ---------------------------------------------------------------- tokens

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCore(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLeetSymbol(char c) => c is '@' or '$' or '!';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsMask(char c) => c is '*';

    /// <summary>
    /// Length of the run of masking characters at <paramref name="i"/>: asterisks (<c>f*ck</c>, <c>st**upi**d</c>) or a
    /// double underscore (Markdown strong emphasis, <c>sc__um__bag</c>). A single underscore separates words (<c>amelia_smith</c>).
    /// </summary>
    private static int MaskRun(char[] f, int i, int n)
    {
        int k = i;
        if (f[i] == '_')
        {
            while (k < n && f[k] == '_')
            {
                k++;
            }

            return k - i >= 2 ? k - i : 0;
        }

        while (k < n && IsMask(f[k]))
        {
            k++;
        }

        return k - i;
    }

    private void Tokenize()
    {
        var f = _folded;
        int n = FoldedLength;
        int count = 0;
        int i = 0;
        while (i < n)
        {
            char c = f[i];
            if (!IsCore(c) && c is not ('@' or '$'))
            {
                i++;
                continue;
            }

            int start = i;
            bool core = false;
            bool masked = false;
            while (i < n)
            {
                c = f[i];
                if (IsCore(c))
                {
                    core = true;
                    i++;
                }
                else if (IsLeetSymbol(c) && (c != '!' || (i > start && i + 1 < n && IsCore(f[i + 1]))))
                {
                    i++;
                }
                else if (MaskRun(f, i, n) is > 0 and var run)
                {
                    int k = i + run;
                    if (k < n && (IsCore(f[k]) || IsLeetSymbol(f[k])))
                    {
                        masked = true;
                        i = k;
                    }
                    else
                    {
                        break;
                    }
                }
                else
                {
                    break;
                }
            }

            if (!core)
            {
                continue;
            }

            if (count == _tokens.Length)
            {
                Array.Resize(ref _tokens, count * 2);
            }

            _tokens[count++] = new Token
            {
                FoldStart = start,
                FoldEnd = i,
                Flags = masked ? TokenFlags.Masked : TokenFlags.None,
            };
        }

        TokenCount = count;
    }

    private bool IsSingleLetterToken(in Token t)
    {
        if (t.FoldEnd - t.FoldStart != 1)
        {
            return false;
        }

        char c = _folded[t.FoldStart];
        return char.IsLetter(c) || LeetLetter(c) != c;
    }

    private bool IsJoinGap(int from, int to)
    {
        int gap = to - from;
        if (gap is < 1 or > MaxGap)
        {
            return false;
        }

        for (int k = from; k < to; k++)
        {
            if (_folded[k] is not (' ' or '.' or '-' or '*' or '_' or '|' or '/' or '+' or '~'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the gap before token <paramref name="t"/> is written exactly like the gap before token <paramref name="first"/>.</summary>
    private bool SameGap(int first, int t)
    {
        var a = _folded.AsSpan(_tokens[first - 1].FoldEnd, _tokens[first].FoldStart - _tokens[first - 1].FoldEnd);
        var b = _folded.AsSpan(_tokens[t - 1].FoldEnd, _tokens[t].FoldStart - _tokens[t - 1].FoldEnd);
        return a.SequenceEqual(b);
    }

    /// <summary>
    /// Joins runs of three or more single letters separated by spaces, dots or asterisks: <c>s t u p i d</c>. Every gap
    /// of a run is written the same way, so <c>N-o-a-h E-v-a-n-s</c> joins into two words, not one.
    /// </summary>
    private void JoinSpacedLetters()
    {
        // most fields have no run of three single letters: find the first candidate before moving anything
        int count = TokenCount;
        int first = 0;
        while (first + 2 < count && !(_tokens[first].FoldEnd - _tokens[first].FoldStart == 1
               && _tokens[first + 1].FoldEnd - _tokens[first + 1].FoldStart == 1
               && _tokens[first + 2].FoldEnd - _tokens[first + 2].FoldStart == 1))
        {
            first++;
        }

        if (first + 2 >= count)
        {
            return;
        }

        int write = first;
        int read = first;
        while (read < count)
        {
            int end = read;
            int letters = 0;
            while (end < count && IsSingleLetterToken(_tokens[end])
                   && (end == read || (IsJoinGap(_tokens[end - 1].FoldEnd, _tokens[end].FoldStart) && (end == read + 1 || SameGap(read + 1, end)))))
            {
                if (char.IsLetter(_folded[_tokens[end].FoldStart]))
                {
                    letters++;
                }

                end++;
            }

            if (end - read >= 3 && letters >= 2)
            {
                _tokens[write] = new Token
                {
                    FoldStart = _tokens[read].FoldStart,
                    FoldEnd = _tokens[end - 1].FoldEnd,
                    Flags = TokenFlags.Joined,
                };
                write++;
                read = end;
            }
            else
            {
                _tokens[write++] = _tokens[read++];
            }
        }

        TokenCount = write;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char LeetLetter(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        _ => c,
    };

    private void BuildForms()
    {
        int total = 0;
        for (int t = 0; t < TokenCount; t++)
        {
            total += (_tokens[t].FoldEnd - _tokens[t].FoldStart) * 2;
        }

        if (_forms.Length < total)
        {
            _forms = new char[Math.Max(total, _forms.Length * 2)];
        }

        var original = Original;
        int w = 0;
        for (int t = 0; t < TokenCount; t++)
        {
            ref var tok = ref _tokens[t];

            // word form: folded letters, digits and leet symbols; masks and join separators removed; leetspeak undone
            // (only in tokens that have a letter and are not a number with a unit, such as 3pm): N0ah reads as noah
            tok.WordStart = w;
            bool hasLetter = false;
            for (int k = tok.FoldStart; k < tok.FoldEnd; k++)
            {
                char c = _folded[k];
                if (IsCore(c) || IsLeetSymbol(c))
                {
                    _forms[w++] = c;
                    hasLetter |= char.IsLetter(c);
                }
            }

            tok.WordLength = w - tok.WordStart;
            if (hasLetter && !IsNumberWithUnit(_forms.AsSpan(tok.WordStart, tok.WordLength)))
            {
                for (int k = tok.WordStart; k < w; k++)
                {
                    _forms[k] = LeetLetter(_forms[k]);
                }
            }

            // skeleton: the word form with repeated letters squeezed
            tok.SkeletonStart = w;
            char prev = '\0';
            for (int k = tok.WordStart; k < tok.WordStart + tok.WordLength; k++)
            {
                char c = _forms[k];
                if (c == prev && char.IsLetter(c))
                {
                    continue;
                }

                _forms[w++] = c;
                prev = c;
            }

            tok.SkeletonLength = w - tok.SkeletonStart;

            // case and position, read from the original text
            var flags = tok.Flags;
            if (hasLetter)
            {
                flags |= TokenFlags.HasLetter;
            }

            int uppers = 0;
            int letters = 0;
            bool firstLetterSeen = false;
            for (int k = tok.FoldStart; k < tok.FoldEnd; k++)
            {
                int o = _mapStart[k];
                char oc = original[o];
                bool isUpper;
                bool isLetter;
                if (oc < 128)
                {
                    isUpper = (uint)(oc - 'A') <= 'Z' - 'A';
                    isLetter = isUpper || (uint)(oc - 'a') <= 'z' - 'a';
                }
                else
                {
                    var cat = CharUnicodeInfo.GetUnicodeCategory(original, o);
                    isUpper = cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter;
                    isLetter = isUpper || cat is UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter;
                }

                if (!isLetter)
                {
                    continue;
                }

                letters++;
                if (isUpper)
                {
                    uppers++;
                }

                if (!firstLetterSeen)
                {
                    firstLetterSeen = true;
                    if (isUpper)
                    {
                        flags |= TokenFlags.Capitalized;
                    }
                }
            }

            if (letters >= 2 && uppers == letters)
            {
                flags |= TokenFlags.AllCaps;
            }

            if (IsAtSentenceStart(tok.FoldStart))
            {
                flags |= TokenFlags.SentenceStart;
            }

            tok.Flags = flags;
        }
    }

    /// <summary>Digits followed by at most two letters (3pm, 5th, 10am, 4k): a number, not leetspeak.</summary>
    private static bool IsNumberWithUnit(ReadOnlySpan<char> word)
    {
        int k = 0;
        while (k < word.Length && char.IsAsciiDigit(word[k]))
        {
            k++;
        }

        if (k == 0)
        {
            return false;
        }

        int letters = word.Length - k;
        if (letters > 2)
        {
            return false;
        }

        for (int j = k; j < word.Length; j++)
        {
            if (!char.IsAsciiLetter(word[j]))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsAtSentenceStart(int foldStart)
    {
        for (int k = foldStart - 1; k >= 0; k--)
        {
            char c = _folded[k];
            switch (c)
            {
                case ' ' or '"' or '\'' or '(' or '[' or '*' or '_' or '#' or '>' or '-':
                    continue;
                case '.' or '!' or '?' or '\n' or ':' or ';':
                    return true;
                default:
                    return false;
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- skeleton text (classifier input)

    /// <summary>
    /// The skeleton forms of all tokens joined by single spaces: the text the classifier scores.
    /// Built on first use per field.
    /// </summary>
    public ReadOnlySpan<char> SkeletonText
    {
        get
        {
            if (!_skeletonTextBuilt)
            {
                BuildSkeletonText();
            }

            return _skeletonText.AsSpan(0, _skeletonTextLength);
        }
    }

    private int _skeletonTextLength;

    private void BuildSkeletonText()
    {
        int needed = 0;
        for (int t = 0; t < TokenCount; t++)
        {
            needed += _tokens[t].SkeletonLength + 1;
        }

        if (_skeletonText.Length < needed)
        {
            _skeletonText = new char[Math.Max(needed, _skeletonText.Length * 2)];
        }

        if (_skeletonTextTokenStart.Length < TokenCount)
        {
            _skeletonTextTokenStart = new int[Math.Max(TokenCount, _skeletonTextTokenStart.Length * 2)];
        }

        int w = 0;
        for (int t = 0; t < TokenCount; t++)
        {
            if (_tokens[t].Has(TokenFlags.Excluded))
            {
                // shares the start of the next included token; the offset search prefers the later, included one
                _skeletonTextTokenStart[t] = w == 0 ? 0 : w + 1;
                continue;
            }

            if (w > 0)
            {
                _skeletonText[w++] = ' ';
            }

            _skeletonTextTokenStart[t] = w;
            Skeleton(_tokens[t]).CopyTo(_skeletonText.AsSpan(w));
            w += _tokens[t].SkeletonLength;
        }

        _skeletonTextLength = w;
        _skeletonTextBuilt = true;
    }

    /// <summary>
    /// Leaves tokens <paramref name="first"/>..<paramref name="last"/> out of <see cref="SkeletonText"/>, so the classifier
    /// does not score phrases the rule pack declares innocent. Call before <see cref="SkeletonText"/> is first read.
    /// </summary>
    public void ExcludeFromSkeletonText(int first, int last)
    {
        for (int t = Math.Max(0, first); t <= last && t < TokenCount; t++)
        {
            _tokens[t].Flags |= TokenFlags.Excluded;
        }

        _skeletonTextBuilt = false;
    }

    /// <summary>Maps a range of <see cref="SkeletonText"/> to the original span of the tokens it touches.</summary>
    public (int Start, int Length) OriginalSpanOfSkeletonText(int start, int length)
    {
        _ = SkeletonText;
        if (TokenCount == 0)
        {
            return (0, 0);
        }

        int first = TokenAtSkeletonOffset(start);
        int last = TokenAtSkeletonOffset(Math.Max(start, start + length - 1));
        return OriginalSpan(first, last);
    }

    private int TokenAtSkeletonOffset(int offset)
    {
        int lo = 0;
        int hi = TokenCount - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_skeletonTextTokenStart[mid] <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
