using System.Text;
using PostGuard.Rules;

namespace PostGuard.Cli.Bench;

/// <summary>
/// Rule packs of any number of terms for the growth benchmarks: one <c>terms</c> rule whose terms are two-word
/// phrases (an adjective and a noun of school life, "useless governors", "pathetic canteen"), generated
/// deterministically so the pack of 10 terms is the start of the pack of 10,000.
/// </summary>
internal static class TermPackGenerator
{
    private static readonly string[] s_adjectives =
    [
        "useless", "pathetic", "lazy", "clueless", "hopeless", "incompetent", "rubbish", "awful", "dreadful", "shambolic",
        "disgraceful", "shocking", "terrible", "horrible", "nasty", "rotten", "lousy", "crummy", "shoddy", "sloppy",
        "careless", "reckless", "spiteful", "vicious", "arrogant", "smug", "rude", "ignorant", "stubborn", "greedy",
        "selfish", "sneaky", "dodgy", "shady", "crooked", "corrupt", "bent", "spineless", "gutless", "weak",
        "feeble", "pitiful", "miserable", "grumpy", "moody", "sulky", "bossy", "nosy", "petty", "snobby",
        "stuck-up", "two-faced", "lying", "cheating", "thieving", "bullying", "sneering", "mocking", "scheming", "useless-looking",
        "filthy", "grotty", "manky", "grubby", "scruffy", "smelly", "stinking", "mouldy", "rancid", "putrid",
        "brainless", "mindless", "witless", "gormless", "daft", "dim", "dense", "thick", "slow", "backward",
        "toxic", "poisonous", "hostile", "aggressive", "violent", "menacing", "creepy", "sinister", "shifty", "slimy",
        "worthless", "pointless", "hateful", "cruel", "heartless", "callous", "cold", "harsh", "mean", "vile",
    ];

    private static readonly string[] s_nouns =
    [
        "teacher", "teachers", "head", "headteacher", "deputy", "governor", "governors", "parent", "parents", "mum",
        "dad", "staff", "office", "receptionist", "caretaker", "cleaner", "cook", "canteen", "dinner", "lunches",
        "school", "academy", "trust", "board", "council", "inspector", "ofsted", "class", "classroom", "form",
        "tutor", "coach", "ref", "referee", "team", "club", "choir", "band", "orchestra", "assembly",
        "playground", "field", "hall", "library", "gym", "pool", "bus", "coach-driver", "driver", "lollipop",
        "crossing", "car", "parking", "gate", "uniform", "blazer", "jumper", "shoes", "homework", "reports",
        "marking", "detention", "exclusion", "policy", "rules", "newsletter", "website", "app", "emails", "letters",
        "meeting", "meetings", "pta", "fair", "raffle", "disco", "trip", "residential", "camp", "visit",
        "supply", "cover", "assistant", "senco", "nurse", "matron", "bursar", "clerk", "chair", "vicar",
        "neighbour", "neighbours", "family", "families", "kids", "children", "pupils", "students", "boys", "girls",
    ];

    /// <summary>The first <paramref name="count"/> generated terms (at most 10,000, all distinct).</summary>
    public static string[] Terms(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, s_adjectives.Length * s_nouns.Length);
        var terms = new string[count];
        for (int i = 0; i < count; i++)
        {
            int a = i % s_adjectives.Length;
            int n = (i / s_adjectives.Length + a) % s_nouns.Length;
            terms[i] = $"{s_adjectives[a]} {s_nouns[n]}";
        }

        return terms;
    }

    /// <summary>The files of a pack with one <c>terms</c> rule of <paramref name="count"/> generated terms.</summary>
    public static Dictionary<string, string> Files(int count)
    {
        var rule = new StringBuilder(count * 24 + 256);
        rule.Append("kind: terms\ncategory: derogatory\nseverity: medium\nmessage: Generated benchmark term.\n")
            .Append("policy: \"Benchmark pack: generated terms\"\nterms:\n");
        foreach (string term in Terms(count))
        {
            rule.Append("  - ").Append(term).Append('\n');
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["pack.yaml"] = $"name: generated-{count}-terms\nversion: \"1\"\ndescription: Benchmark pack of {count} generated terms.\n",
            ["derogatory/generated.yaml"] = rule.ToString(),
        };
    }

    /// <summary>Loads the pack of <paramref name="count"/> generated terms.</summary>
    public static RulePack Create(int count) => RulePack.FromFiles(Files(count), $"(generated {count} terms)");
}
