using System.Text.RegularExpressions;
using PostGuard.Rules;
using PostGuard.Rules.Consent;
using PostGuard.Rules.Kinds.Pattern;
using PostGuard.Rules.Kinds.Proximity;
using PostGuard.Rules.Kinds.Terms;

namespace PostGuard.Cli.Bench;

/// <summary>
/// The baseline a typical implementation would be: one <see cref="Regex"/> per term, per pattern and per pupil name
/// (from the same rule pack and register as the engine it is compared with), each case-insensitive and word-bounded,
/// applied one after another to every field of the draft. No normalisation, no decision: it only counts matches,
/// so it does less than PostGuard and any time it takes is a lower bound for such a design.
/// </summary>
/// <remarks>Immutable and thread-safe (<see cref="Regex"/> is).</remarks>
internal sealed class NaiveEngine
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex[] _regexes;

    private NaiveEngine(Regex[] regexes, int terms, int patterns, int names)
    {
        _regexes = regexes;
        TermCount = terms;
        PatternCount = patterns;
        NameCount = names;
    }

    /// <summary>Distinct terms (words and phrases of every enabled rule and the pack's allow-list).</summary>
    public int TermCount { get; }

    /// <summary>Regular expressions of the pack (pattern rules and patterns inside term sets).</summary>
    public int PatternCount { get; }

    /// <summary>Distinct pupil names (each given name alone and with the surname).</summary>
    public int NameCount { get; }

    /// <summary>All the regular expressions run on each field.</summary>
    public int RegexCount => _regexes.Length;

    /// <summary>Builds the naive engine for <paramref name="pack"/>'s enabled rules and <paramref name="register"/>'s pupils.</summary>
    public static NaiveEngine Create(RulePack pack, ConsentRegister? register = null)
    {
        var terms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var patterns = new List<string>();

        void AddSet(TermSetDefinition set)
        {
            foreach (var term in set.Terms)
            {
                terms.Add(term.Text);
            }

            foreach (var pattern in set.Patterns)
            {
                patterns.Add(pattern.ToString());
            }
        }

        foreach (string allow in pack.Allow)
        {
            terms.Add(allow);
        }

        foreach (var rule in pack.Rules)
        {
            if (!rule.Enabled)
            {
                continue;
            }

            switch (rule)
            {
                case TermsRuleDefinition t:
                    AddSet(t.Terms);
                    AddSet(t.Except);
                    break;
                case ProximityRuleDefinition p:
                    AddSet(p.Anchor);
                    foreach (var near in p.Near)
                    {
                        AddSet(near);
                    }

                    AddSet(p.Unless);
                    AddSet(p.Except);
                    break;
                case PatternRuleDefinition p:
                    patterns.Add(p.Pattern.ToString());
                    break;
            }
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (register is not null)
        {
            foreach (var pupil in register.Pupils)
            {
                foreach (string given in pupil.GivenNames())
                {
                    names.Add(given);
                    names.Add($"{given} {pupil.Surname}");
                }
            }
        }

        var regexes = new List<Regex>(terms.Count + patterns.Count + names.Count);
        foreach (string term in terms)
        {
            regexes.Add(WordBounded(term));
        }

        foreach (string pattern in patterns)
        {
            regexes.Add(new Regex(pattern, Options, s_timeout));
        }

        foreach (string name in names)
        {
            regexes.Add(WordBounded(name));
        }

        return new NaiveEngine([.. regexes], terms.Count, patterns.Count, names.Count);
    }

    /// <summary>Builds the naive engine for a plain list of terms (the growth benchmarks' generated packs).</summary>
    public static NaiveEngine ForTerms(IEnumerable<string> terms)
    {
        var regexes = terms.Distinct(StringComparer.OrdinalIgnoreCase).Select(WordBounded).ToArray();
        return new NaiveEngine(regexes, regexes.Length, 0, 0);
    }

    /// <summary>Runs every expression over every field of <paramref name="draft"/>; returns the number of matches.</summary>
    public int Evaluate(Draft draft)
    {
        int matches = Count(draft.Title) + Count(draft.Body);
        var attachments = draft.Attachments;
        for (int a = 0; a < attachments.Count; a++)
        {
            var attachment = attachments[a];
            matches += Count(attachment.AltText) + Count(attachment.Caption);
            var tagged = attachment.TaggedPeople;
            for (int t = 0; t < tagged.Count; t++)
            {
                matches += Count(tagged[t]);
            }
        }

        return matches;
    }

    private int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        int matches = 0;
        foreach (var regex in _regexes)
        {
            matches += regex.Count(text);
        }

        return matches;
    }

    /// <summary><c>\bterm\b</c>, the words of a phrase separated by any whitespace.</summary>
    private static Regex WordBounded(string term)
        => new(@"\b" + Regex.Escape(term.Trim()).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + @"\b", Options, s_timeout);
}
