using PostGuard.Text;

namespace PostGuard.Rules.Consent;

/// <summary>How a name in a draft refers to a pupil.</summary>
internal enum NameForm
{
    /// <summary>A given name alone: <c>Amelia</c>.</summary>
    First = 0,
    /// <summary>A given name and the surname's initial: <c>Amelia S.</c>.</summary>
    Initial = 1,
    /// <summary>A given name and the surname: <c>Amelia Smith</c>, <c>Liam O'Brien</c>.</summary>
    Full = 2,
}

/// <summary>One distinct name (in word form) and every pupil it can refer to, with their consent counted in advance.</summary>
/// <param name="Form">First, initial or full.</param>
/// <param name="Pupils">The pupils with this name.</param>
/// <param name="CommonWord">The given name is also a common English word (Grace, Will, May): needs evidence it is used as a name.</param>
internal sealed record NameEntry(NameForm Form, Pupil[] Pupils, bool CommonWord)
{
    /// <summary>How many of <see cref="Pupils"/> are on the do-not-publish list.</summary>
    public int DoNotPublish { get; } = Pupils.Count(p => p.DoNotPublish);

    /// <summary>How many of <see cref="Pupils"/> have no name consent.</summary>
    public int NoNameConsent { get; } = Pupils.Count(p => !p.NameConsent);

    /// <summary>How many of <see cref="Pupils"/> have no photo consent.</summary>
    public int NoPhotoConsent { get; } = Pupils.Count(p => !p.PhotoConsent);
}

/// <summary>
/// The names of a register as terms for the engine's token trie: every given name (forename and preferred name)
/// alone, with the surname's initial and with the surname. Names that normalise to the same words share one entry,
/// so a name shared by several pupils is one trie path whose entry lists them all: matching costs one hash lookup
/// per token of the draft whatever the size of the register.
/// </summary>
internal sealed class PupilNameIndex
{
    private readonly int[][] _firstEntries;

    private PupilNameIndex(List<string> terms, List<NameEntry> entries, int[][] firstEntries)
    {
        Terms = terms;
        Entries = entries;
        _firstEntries = firstEntries;
    }

    /// <summary>Whether <paramref name="pupil"/> is one of the pupils of first-name entry <paramref name="entry"/>.</summary>
    public bool HasFirstName(Pupil pupil, int entry) => Array.IndexOf(_firstEntries[pupil.Ordinal], entry) >= 0;

    /// <summary>The terms to register (a hit's entry indexes these and <see cref="Entries"/>).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The entries, parallel to <see cref="Terms"/>.</summary>
    public IReadOnlyList<NameEntry> Entries { get; }

    /// <summary>Builds the index of <paramref name="pupils"/>; <paramref name="isCommonWord"/> says which given names are also words.</summary>
    public static PupilNameIndex Build(IReadOnlyList<Pupil> pupils, Func<string, bool> isCommonWord)
    {
        var scratch = new FieldText();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var members = new List<List<Pupil>>();
        var forms = new List<NameForm>();
        var common = new List<bool>();

        var firstEntries = new List<int>[pupils.Count];
        int Add(NameForm form, string term, Pupil pupil, bool commonWord)
        {
            string key = Key(scratch, term, form);
            if (key.Length <= 2)
            {
                return -1;
            }

            if (!byKey.TryGetValue(key, out int entry))
            {
                entry = terms.Count;
                byKey.Add(key, entry);
                terms.Add(term);
                members.Add([]);
                forms.Add(form);
                common.Add(commonWord);
            }

            var list = members[entry];
            if (list.Count == 0 || !ReferenceEquals(list[^1], pupil))
            {
                list.Add(pupil);
            }

            return entry;
        }

        foreach (var pupil in pupils)
        {
            char initial = FirstLetter(pupil.Surname);
            foreach (var given in pupil.GivenNames())
            {
                string givenKey = Key(scratch, given, NameForm.First);
                bool commonWord = givenKey.IndexOf(' ', 2) < 0 && isCommonWord(givenKey[2..]);
                if (Add(NameForm.First, given, pupil, commonWord) is >= 0 and var first)
                {
                    (firstEntries[pupil.Ordinal] ??= []).Add(first);
                }

                if (initial != '\0')
                {
                    Add(NameForm.Initial, $"{given} {initial}", pupil, commonWord);
                }

                Add(NameForm.Full, $"{given} {pupil.Surname}", pupil, commonWord);
            }
        }

        var entries = new List<NameEntry>(terms.Count);
        for (int i = 0; i < terms.Count; i++)
        {
            entries.Add(new NameEntry(forms[i], [.. members[i]], common[i]));
        }

        return new PupilNameIndex(terms, entries, [.. firstEntries.Select(list => list?.ToArray() ?? [])]);
    }

    /// <summary>The word forms of <paramref name="term"/>'s tokens joined by spaces, prefixed by the form.</summary>
    private static string Key(FieldText scratch, string term, NameForm form)
    {
        scratch.Load("name", term);
        var sb = new System.Text.StringBuilder(term.Length + 2);
        sb.Append((char)('0' + (int)form)).Append(':');
        for (int t = 0; t < scratch.TokenCount; t++)
        {
            if (t > 0)
            {
                sb.Append(' ');
            }

            sb.Append(scratch.Word(scratch[t]));
        }

        return sb.ToString();
    }

    private static char FirstLetter(string name)
    {
        foreach (char c in name)
        {
            if (char.IsLetter(c))
            {
                return c;
            }
        }

        return '\0';
    }
}
