using System.Collections.Frozen;
using PostGuard.Text;

namespace PostGuard.Engine;

/// <summary>
/// Finds references to a person among a field's tokens: pronouns (I, my, he, she, his, her, ...),
/// titles followed by a name (Mr Patel, Mrs O'Brien, Dr Evans) and capitalised words used as names.
/// It is a heuristic for rules that need "someone" near a term (personal schedules, denigration).
/// </summary>
internal static class PersonReferences
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_pronouns =
        FrozenSet.Create(StringComparer.Ordinal, "i", "me", "my", "mine", "myself", "he", "she", "him", "his", "her", "hers", "himself", "herself")
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_titles =
        FrozenSet.Create(StringComparer.Ordinal, "mr", "mrs", "miss", "ms", "mx", "dr", "sir", "mister", "madam", "dame", "prof", "rev", "coach")
            .GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that follow a name at the start of a sentence: "Sarah will be ...", "Tom walks home ...".
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_nameCues =
        FrozenSet.Create(StringComparer.Ordinal,
            "will", "is", "was", "has", "had", "s", "and", "walks", "goes", "gets", "leaves", "won", "says", "said", "can", "cannot",
            "isn", "wasn", "won", "would", "should", "needs", "wants", "lives", "stays", "takes", "comes", "hates", "hit", "hits", "took", "stole")
            .GetAlternateLookup<ReadOnlySpan<char>>();

    // Capitalised words that are not names (school life, calendar, sentence openers).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_notNames =
        FrozenSet.Create(StringComparer.Ordinal,
            "the", "a", "an", "we", "our", "us", "you", "your", "they", "their", "them", "it", "its", "this", "that", "these", "those", "there",
            "here", "please", "thank", "thanks", "well", "done", "congratulations", "congrats", "happy", "hello", "hi", "dear", "all", "what",
            "when", "where", "who", "why", "how", "if", "on", "in", "at", "for", "from", "to", "with", "by", "and", "but", "or", "so", "as", "of",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "year", "years", "class", "school", "academy",
            "primary", "secondary", "high", "college", "trust", "reception", "nursery", "sixth", "form", "christmas", "easter", "halloween",
            "diwali", "eid", "hanukkah", "ramadan", "pride", "month", "week", "day", "term", "half", "spring", "summer", "autumn", "winter",
            "pta", "ofsted", "sats", "gcse", "gcses", "inset", "sen", "senco", "slt", "head", "headteacher", "deputy", "governors", "governor",
            "team", "house", "club", "parents", "parent", "carers", "pupils", "pupil", "students", "student", "children", "staff", "teachers",
            "teacher", "everyone", "today", "tomorrow", "tonight", "yesterday", "next", "last", "this", "new", "great", "good", "big", "little",
            "road", "street", "lane", "park", "hall", "church", "st", "north", "south", "east", "west", "uk", "england", "english", "maths",
            "science", "history", "geography", "music", "art", "pe", "re", "ks1", "ks2", "ks3", "ks4", "eyfs", "no", "yes", "not", "don",
            "do", "does", "did", "be", "is", "are", "was", "were", "will", "can", "could", "would", "should", "must", "may", "might", "has",
            "have", "had", "after", "before", "during", "until", "while", "also", "just", "only", "even", "some", "any", "every", "each",
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "fourth", "fifth",
            "google", "facebook", "twitter", "instagram", "classdojo", "zoom", "teams", "bbc", "nhs", "covid", "god", "lord", "jesus",
            "allah", "london", "manchester", "birmingham", "leeds", "wales", "scotland", "ireland", "britain", "british", "europe", "spain",
            "france", "italy", "greece", "turkey", "portugal", "florida", "america", "cornwall", "devon", "wow", "oh", "sorry", "remember",
            "reminder", "note", "notice", "important", "update", "news", "welcome", "join", "come", "see", "look", "read", "watch", "sign",
            "book", "tickets", "ticket", "fair", "concert", "fete", "disco", "assembly", "trip", "visit", "sports", "match", "football",
            "netball", "rugby", "cricket", "tennis", "hockey", "swimming", "choir", "band", "orchestra", "library", "office", "canteen")
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether token <paramref name="index"/> of <paramref name="field"/> refers to a person.</summary>
    public static bool IsPerson(FieldText field, int index)
    {
        ref readonly var tok = ref field[index];
        var word = field.Word(tok);
        if (s_pronouns.Contains(word))
        {
            // "I" is a person only when written as a capital (not the letter i in a list); the others in any case.
            return word is not "i" || tok.Has(TokenFlags.Capitalized);
        }

        if (s_titles.Contains(word))
        {
            return index + 1 < field.TokenCount && field[index + 1].Has(TokenFlags.Capitalized);
        }

        if (!tok.Has(TokenFlags.Capitalized) || tok.Has(TokenFlags.AllCaps) || !tok.Has(TokenFlags.HasLetter) || word.Length < 2)
        {
            return false;
        }

        if (s_notNames.Contains(word))
        {
            return false;
        }

        if (!tok.Has(TokenFlags.SentenceStart))
        {
            return true;
        }

        // At a sentence start, a capitalised word is a name only when what follows reads like a name's verb.
        return index + 1 < field.TokenCount && s_nameCues.Contains(field.Word(field[index + 1]));
    }

    /// <summary>Whether any token in <paramref name="from"/>..<paramref name="to"/> (inclusive, clamped) refers to a person.</summary>
    public static bool AnyPerson(FieldText field, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(field.TokenCount - 1, to);
        for (int i = from; i <= to; i++)
        {
            if (IsPerson(field, i))
            {
                return true;
            }
        }

        return false;
    }
}
