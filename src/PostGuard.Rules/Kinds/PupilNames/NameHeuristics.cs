using System.Collections.Frozen;
using PostGuard.Text;

namespace PostGuard.Rules.Kinds.PupilNames;

/// <summary>
/// Decides whether a given name that is also a common English word (Grace, Will, May, Summer, Rose, ...) is used
/// as a name. A first-name-only mention of such a name counts only when all of these hold:
/// <list type="number">
/// <item>it is capitalised (and not in an all-capitals word);</item>
/// <item>it does not start a sentence (a sentence start with a surname is a full name, found as such);</item>
/// <item>the field is not written in Title Case, where capitals say nothing;</item>
/// <item>the word before it is not a determiner, preposition, pronoun or number (<c>the Summer</c>, <c>in May</c>, <c>we Hope</c>, <c>3rd May</c>);</item>
/// <item>the word after it does not make it part of a compound (<c>Summer Fair</c>, <c>Art Club</c>, <c>May 2025</c>);</item>
/// <item>it is not inside a fixed phrase (<c>may the best team win</c>, <c>by the grace of</c>, <c>rose garden</c>).</item>
/// </list>
/// In <c>taggedPeople</c> every name counts as a name.
/// </summary>
internal static class NameHeuristics
{
    /// <summary>Given names that are also everyday words (extended by a rule's <c>commonWords</c>).</summary>
    public static readonly string[] CommonWords =
    [
        "grace", "will", "summer", "may", "hope", "rose", "jack", "bill", "faith", "sky", "skye", "river", "joy", "autumn", "dawn",
        "ruby", "amber", "holly", "iris", "daisy", "poppy", "willow", "robin", "art", "mark", "pat", "sunny", "star", "april", "june",
        "august", "heather", "ivy", "jasmine", "hazel", "rowan", "violet", "lily", "pearl", "olive", "sage", "storm", "rain", "ray",
        "rich", "guy", "frank", "grant", "drew", "chase", "chip", "dale", "glen", "hunter", "page", "reed", "rocky", "rusty", "sandy",
        "penny", "kit", "bonnie", "cherry", "crystal", "destiny", "harmony", "honey", "melody", "misty", "charity", "patience",
        "prudence", "verity", "liberty", "scarlet", "ginger", "jade", "coral", "ebony", "forest", "winter", "ember", "blossom", "clay",
        "king", "prince", "duke", "earl", "major", "miles", "rob", "sue", "nick", "don", "gene", "lane", "noble", "rue", "saffron",
        "sonny", "spring", "stone", "story", "true", "wren", "lark", "bo", "echo", "ocean", "sol", "sunday", "neve", "hero", "happy",
    ];

    /// <summary>Words before a word-name that show it is used as a word: <c>the Summer</c>, <c>in May</c>, <c>we Hope</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_preceders = FrozenSet.Create(StringComparer.Ordinal,
        "the", "a", "an", "this", "that", "these", "those", "our", "your", "their", "its", "my", "his", "her", "in", "of", "during",
        "since", "until", "till", "last", "next", "early", "late", "mid", "every", "each", "any", "some", "no", "we", "i", "you", "they",
        "it", "he", "she", "who", "what", "which", "there", "sweet", "wild", "red", "white", "pink", "blue", "gold", "golden", "bright",
        "clear", "good", "free", "new", "st", "saint", "union", "question", "full", "half", "high", "low", "first", "top", "pop", "rock")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after a word-name that make a compound: <c>Summer Fair</c>, <c>Art Club</c>, <c>Rose Garden</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_followers = FrozenSet.Create(StringComparer.Ordinal,
        "fair", "fayre", "fete", "term", "terms", "holiday", "holidays", "half", "concert", "festival", "show", "camp", "club", "clubs",
        "exhibition", "garden", "gardens", "appeal", "day", "days", "week", "weeks", "trip", "sale", "school", "house", "houses", "team",
        "class", "award", "awards", "assembly", "of", "time", "service", "production", "performance", "sports", "hood",
        "frost", "scheme", "room", "studio", "gallery", "project", "workshop", "display", "ball", "prom", "party", "disco", "reading",
        "challenge", "break", "sun", "weather", "uniform", "timetable", "lessons", "lesson", "teacher", "department", "competition", "trail", "walk", "bed", "beds", "tree", "trees", "bush", "petals",
        "chain", "chorus", "warning", "wedding", "sky", "blue", "news", "baker", "chart", "charts", "sign", "signs", "wreath",
        "berries", "leaves", "seeds", "bulbs", "banks", "path", "cottage", "road", "street", "lane", "avenue", "close", "park",
        "centre", "center", "hall", "court")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Fixed phrases in which a word-name is a word (extended by a rule's <c>phrases</c>).</summary>
    public static readonly string[] Phrases =
    [
        "may the best team win", "may the best", "may i", "may we", "may you", "may be", "we hope", "i hope", "hope to see", "hope you",
        "by the grace of", "grace of god", "saying grace", "say grace", "state of grace", "will be", "will have", "will not", "free will",
        "good will", "rose garden", "summer fair", "summer term", "summer holidays", "autumn term", "spring term", "art club",
        "art and design", "mark scheme", "mark the date", "star of the week", "star baker", "gold star", "robin hood", "jack frost",
        "union jack", "jack in the box", "sky sports", "poppy appeal", "holly and ivy", "daisy chain", "dawn chorus", "amber warning",
        "ruby wedding", "pat on the back", "faith school", "joy of", "bill of rights", "sunny spells", "river bank", "willow tree",
    ];

    /// <summary>Whether the word-name at tokens <paramref name="first"/>..<paramref name="last"/> reads as a name (see the class remarks; the phrase check is the caller's).</summary>
    public static bool ReadsAsName(FieldText field, int first, int last, bool titleCase)
    {
        ref readonly var token = ref field[first];
        if (!token.Has(TokenFlags.Capitalized) || token.Has(TokenFlags.AllCaps) || token.Has(TokenFlags.SentenceStart) || titleCase)
        {
            return false;
        }

        if (first > 0 && OnlySpaceBetween(field, first - 1, first))
        {
            var before = field.Word(field[first - 1]);
            if (s_preceders.Contains(before) || (before.Length > 0 && char.IsAsciiDigit(before[0])))
            {
                return false;
            }
        }

        if (last + 1 < field.TokenCount && OnlySpaceBetween(field, last, last + 1))
        {
            var after = field.Word(field[last + 1]);
            if (s_followers.Contains(after) || (after.Length > 0 && char.IsAsciiDigit(after[0])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether only spaces and line breaks separate token <paramref name="a"/> from token <paramref name="b"/>.</summary>
    public static bool OnlySpaceBetween(FieldText field, int a, int b)
    {
        var folded = field.Folded;
        for (int k = field[a].FoldEnd; k < field[b].FoldStart; k++)
        {
            if (folded[k] is not (' ' or '\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether an apostrophe separates token <paramref name="a"/> from token <paramref name="b"/> (a possessive: <c>Amelia's</c>).</summary>
    public static bool ApostropheBetween(FieldText field, int a, int b)
    {
        var folded = field.Folded;
        for (int k = field[a].FoldEnd; k < field[b].FoldStart; k++)
        {
            if (folded[k] is '\'' or '\u2019' or '\u02BC' or '`')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the character right after token <paramref name="index"/> is a full stop (<c>Amelia S.</c>).</summary>
    public static bool FollowedByFullStop(FieldText field, int index)
    {
        int end = field[index].FoldEnd;
        return end < field.FoldedLength && field.Folded[end] == '.';
    }

    /// <summary>
    /// Whether the field is written in Title Case: at least four words longer than three letters that are not names,
    /// every one of them capitalised. <paramref name="isName"/> says which tokens are names.
    /// </summary>
    public static bool IsTitleCase(FieldText field, Func<int, bool> isName)
    {
        int words = 0;
        for (int t = 0; t < field.TokenCount; t++)
        {
            ref readonly var token = ref field[t];
            if (!token.Has(TokenFlags.HasLetter) || token.WordLength <= 3 || isName(t))
            {
                continue;
            }

            if (!token.Has(TokenFlags.Capitalized))
            {
                return false;
            }

            words++;
        }

        return words >= 4;
    }
}
