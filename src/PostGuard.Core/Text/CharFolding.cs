using System.Globalization;
using System.Text;

namespace PostGuard.Text;

/// <summary>
/// Folds one character to the form the matchers compare: lower case, compatibility forms expanded
/// (full-width, ligatures, mathematical letters), diacritics removed, and letters from other scripts
/// that look Latin mapped to the Latin letter. Built once into a table; folding a character is a lookup.
/// </summary>
internal static class CharFolding
{
    /// <summary>What a character folds to when it is not folded to text.</summary>
    internal enum Kind : byte
    {
        /// <summary>Folds to the text in the table (possibly itself).</summary>
        Text = 0,
        /// <summary>Invisible (format characters, combining marks): dropped from the folded view.</summary>
        Drop = 1,
        /// <summary>White space or a line break: becomes one space or a newline.</summary>
        Space = 2,
    }

    private static readonly string[] s_text = new string[char.MaxValue + 1];
    private static readonly Kind[] s_kind = new Kind[char.MaxValue + 1];
    private static readonly string[] s_math = new string[0x1D800 - 0x1D400];

    // Letters of other scripts that are drawn like Latin letters (after lower-casing).
    private static readonly (char From, char To)[] s_confusables =
    [
        // Cyrillic
        ('а', 'a'), ('в', 'b'), ('е', 'e'), ('ё', 'e'), ('к', 'k'), ('м', 'm'), ('н', 'h'), ('о', 'o'), ('р', 'p'),
        ('с', 'c'), ('т', 't'), ('у', 'y'), ('х', 'x'), ('ѕ', 's'), ('і', 'i'), ('ї', 'i'), ('ј', 'j'), ('ԁ', 'd'),
        ('ԛ', 'q'), ('ԝ', 'w'), ('һ', 'h'), ('ӏ', 'l'), ('ɡ', 'g'), ('ү', 'y'), ('ь', 'b'), ('г', 'r'), ('п', 'n'),
        // Greek
        ('α', 'a'), ('β', 'b'), ('ε', 'e'), ('η', 'n'), ('ι', 'i'), ('κ', 'k'), ('ν', 'v'), ('ο', 'o'), ('ρ', 'p'),
        ('τ', 't'), ('υ', 'u'), ('χ', 'x'), ('γ', 'y'), ('μ', 'u'), ('ω', 'w'), ('ϲ', 'c'), ('ς', 's'), ('σ', 'o'),
        ('ζ', 'z'), ('ϳ', 'j'),
        // Latin letters without a decomposition
        ('ı', 'i'), ('ł', 'l'), ('ø', 'o'), ('đ', 'd'), ('ð', 'd'), ('ħ', 'h'), ('ŧ', 't'), ('ƀ', 'b'), ('ɨ', 'i'),
        ('ɩ', 'i'), ('ꞵ', 'b'), ('ǝ', 'e'), ('ɑ', 'a'), ('ʋ', 'u'), ('ʏ', 'y'), ('ᴀ', 'a'), ('ʙ', 'b'), ('ᴄ', 'c'),
        ('ᴅ', 'd'), ('ᴇ', 'e'), ('ɢ', 'g'), ('ʜ', 'h'), ('ɪ', 'i'), ('ᴊ', 'j'), ('ᴋ', 'k'), ('ʟ', 'l'), ('ᴍ', 'm'),
        ('ɴ', 'n'), ('ᴏ', 'o'), ('ᴘ', 'p'), ('ʀ', 'r'), ('ꜱ', 's'), ('ᴛ', 't'), ('ᴜ', 'u'), ('ᴠ', 'v'), ('ᴡ', 'w'),
        ('ᴢ', 'z'),
    ];

    // Capitals whose lower-case form looks different: Greek Ν (ν looks like v), Μ (μ like u), Η (η like n), Υ (υ like u)
    // are folded by how the capital looks, so 'ΝOAH' and 'Νoah' read as noah.
    private static readonly (char From, char To)[] s_upperConfusables =
    [
        ('Ν', 'n'), ('Μ', 'm'), ('Η', 'h'), ('Υ', 'y'),
    ];

    private static readonly (char From, string To)[] s_expansions =
    [
        ('ß', "ss"), ('æ', "ae"), ('œ', "oe"), ('þ', "th"), ('ĳ', "ij"),
        // Typographic apostrophes and quotes fold to ASCII so names such as O’Brien match O'Brien.
        ('\u2018', "'"), ('\u2019', "'"), ('\u02BC', "'"), ('\u2032', "'"), ('\u201C', "\""), ('\u201D', "\""),
        // Dashes fold to a hyphen.
        ('\u2010', "-"), ('\u2011', "-"), ('\u2012', "-"), ('\u2013', "-"), ('\u2014', "-"), ('\u2212', "-"),
    ];

    static CharFolding()
    {
        var confusable = new Dictionary<char, char>();
        foreach (var (from, to) in s_confusables)
        {
            confusable[from] = to;
        }

        var upperConfusable = new Dictionary<char, char>();
        foreach (var (from, to) in s_upperConfusables)
        {
            upperConfusable[from] = to;
        }

        var expansion = new Dictionary<char, string>();
        foreach (var (from, to) in s_expansions)
        {
            expansion[from] = to;
        }

        Span<char> one = stackalloc char[1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            if (c < 128)
            {
                if (ch is '\n')
                {
                    s_kind[c] = Kind.Space;
                    s_text[c] = "\n";
                }
                else if (ch is ' ' or '\t' or '\r' or '\f' or '\v')
                {
                    s_kind[c] = Kind.Space;
                    s_text[c] = " ";
                }
                else if (char.IsControl(ch))
                {
                    s_kind[c] = Kind.Drop;
                    s_text[c] = string.Empty;
                }
                else
                {
                    s_text[c] = char.ToLowerInvariant(ch).ToString();
                }

                continue;
            }

            if (char.IsSurrogate(ch))
            {
                s_kind[c] = Kind.Text;
                s_text[c] = " ";
                continue;
            }

            s_text[c] = upperConfusable.TryGetValue(ch, out char shape) ? shape.ToString() : Fold(ch.ToString(), confusable, expansion, out s_kind[c]);
        }

        for (int cp = 0x1D400; cp < 0x1D800; cp++)
        {
            s_math[cp - 0x1D400] = Fold(char.ConvertFromUtf32(cp), confusable, expansion, out _);
        }
    }

    private static string Fold(string s, Dictionary<char, char> confusable, Dictionary<char, string> expansion, out Kind kind)
    {
        kind = Kind.Text;
        var category = CharUnicodeInfo.GetUnicodeCategory(s, 0);
        switch (category)
        {
            case UnicodeCategory.Format:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.Control:
                kind = Kind.Drop;
                return string.Empty;
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                kind = Kind.Space;
                return "\n";
            case UnicodeCategory.SpaceSeparator:
                kind = Kind.Space;
                return " ";
        }

        if (category == UnicodeCategory.DecimalDigitNumber && CharUnicodeInfo.GetDecimalDigitValue(s, 0) is >= 0 and <= 9 and var digit)
        {
            // every script's digits (Arabic-Indic ٠٧٧, Devanagari, full-width, mathematical) read as ASCII digits
            return ((char)('0' + digit)).ToString();
        }

        if (s.Length == 1 && expansion.TryGetValue(char.ToLowerInvariant(s[0]), out var expanded))
        {
            return expanded;
        }

        string decomposed;
        try
        {
            decomposed = s.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            decomposed = s;
        }

        var sb = new StringBuilder(decomposed.Length);
        foreach (char d in decomposed)
        {
            var dc = CharUnicodeInfo.GetUnicodeCategory(d);
            if (dc is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format)
            {
                continue;
            }

            char lower = char.ToLowerInvariant(d);
            if (confusable.TryGetValue(lower, out char latin))
            {
                lower = latin;
            }
            else if (expansion.TryGetValue(lower, out var exp) && exp.Length == 1)
            {
                lower = exp[0];
            }

            if (char.IsWhiteSpace(lower))
            {
                lower = ' ';
            }

            sb.Append(lower);
        }

        if (sb.Length == 0)
        {
            kind = Kind.Drop;
            return string.Empty;
        }

        return sb.ToString();
    }

    /// <summary>The folded text of a BMP character (empty when it is dropped).</summary>
    public static string Of(char c) => s_text[c];

    /// <summary>How a BMP character folds.</summary>
    public static Kind KindOf(char c) => s_kind[c];

    /// <summary>
    /// Folds a supplementary-plane code point: mathematical alphanumerics become ASCII letters and digits;
    /// anything else (emoji, symbols) becomes a space, so it separates words.
    /// </summary>
    public static string OfSupplementary(int codePoint)
        => codePoint is >= 0x1D400 and < 0x1D800 ? s_math[codePoint - 0x1D400] : " ";

    /// <summary>Folds a whole string (no offset map); used for terms, names and profile values at compile time.</summary>
    public static string FoldString(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(OfSupplementary(char.ConvertToUtf32(c, s[i + 1])));
                i++;
                continue;
            }

            sb.Append(s_text[c]);
        }

        return sb.ToString();
    }
}
