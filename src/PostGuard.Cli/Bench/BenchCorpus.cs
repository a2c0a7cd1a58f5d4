using System.Text;
using PostGuard.Rules;
using PostGuard.Serialization;

namespace PostGuard.Cli.Bench;

/// <summary>
/// The drafts the benchmarks measure, all built from the bundled sample drafts (realistic school posts, embedded in
/// this assembly from <c>samples/drafts</c>): the samples themselves, a clean post and a rule-breaking post of at most
/// 280 characters, and a 5,000-word newsletter.
/// </summary>
internal static class BenchCorpus
{
    private const string ResourcePrefix = "PostGuard.Bench.Samples/";

    /// <summary>The length the short posts are filled to (an X post).</summary>
    public const int ShortLength = 280;

    /// <summary>The newsletter's length in words.</summary>
    public const int NewsletterWords = 5_000;

    private static readonly Lazy<IReadOnlyList<Draft>> s_samples = new(LoadSamples);
    private static readonly Lazy<SchoolProfile> s_profile = new(() => SchoolProfile.Parse(Resource("school-profile.yaml"), "samples/school-profile.yaml"));

    /// <summary>The bundled sample drafts (<c>samples/drafts/*.json</c>), in file-name order.</summary>
    public static IReadOnlyList<Draft> Samples => s_samples.Value;

    /// <summary>The sample school's profile (<c>samples/school-profile.yaml</c>): its own phone, email and address are allowed.</summary>
    public static SchoolProfile Profile => s_profile.Value;

    /// <summary>
    /// A clean post of at most 280 characters: whole sentences of the sports-day, nativity and bird-watch samples
    /// (approve with the default pack).
    /// </summary>
    public static Draft Clean280 { get; } = new()
    {
        Id = "bench-clean-280",
        Body = FillSentences(ShortLength, "01-sports-day-results.json", "02-nativity-thanks.json", "04-bird-watch.json"),
        Channel = "x",
        Audience = "public",
    };

    /// <summary>
    /// A post of at most 280 characters that breaks several rules: sentences of the door-code, personal-mobile and
    /// "absolute idiot" samples (access codes, a personal phone number, an insult: reject with the default pack).
    /// </summary>
    public static Draft Violating280 { get; } = new()
    {
        Id = "bench-violating-280",
        Body = JoinSentences(ShortLength, ("30-door-code.json", 0), ("30-door-code.json", 1), ("30-door-code.json", 2),
            ("28-personal-mobile.json", 1), ("21-parking-idiots.json", 0), ("21-parking-idiots.json", 1)),
        Channel = "x",
        Audience = "public",
    };

    /// <summary>
    /// A 5,000-word parents' newsletter: the titles and bodies of the approve samples 01–15 (less the staff-only bulletin
    /// and the mild word), in turn, until 5,000 words. With a consent register it names pupils, as newsletters do.
    /// </summary>
    public static Draft Newsletter { get; } = BuildNewsletter();

    /// <summary><paramref name="count"/> drafts: the samples over and over.</summary>
    public static Draft[] Cycle(IReadOnlyList<Draft> drafts, int count)
    {
        var result = new Draft[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = drafts[i % drafts.Count];
        }

        return result;
    }

    private static IReadOnlyList<Draft> LoadSamples()
    {
        var assembly = typeof(BenchCorpus).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + "drafts/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var drafts = new List<Draft>(names.Count);
        foreach (string name in names)
        {
            drafts.Add(PostGuardJson.DeserializeDraft(Resource(name[ResourcePrefix.Length..])));
        }

        return drafts;
    }

    private static Draft Sample(string file) => PostGuardJson.DeserializeDraft(Resource("drafts/" + file));

    private static string Resource(string name)
    {
        using var stream = typeof(BenchCorpus).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"the benchmark resource '{name}' is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Whole sentences of the samples' bodies, in order, as many as fit in <paramref name="length"/> characters.</summary>
    private static string FillSentences(int length, params string[] files)
    {
        var text = new StringBuilder(length);
        foreach (string file in files)
        {
            foreach (string sentence in Sentences(Sample(file).Body))
            {
                int needed = sentence.Length + (text.Length > 0 ? 1 : 0);
                if (text.Length + needed > length)
                {
                    continue;
                }

                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(sentence);
            }
        }

        return text.ToString();
    }

    /// <summary>The chosen sentences (sample file, sentence index) joined by spaces; at most <paramref name="length"/> characters.</summary>
    private static string JoinSentences(int length, params (string File, int Sentence)[] sentences)
    {
        string text = string.Join(' ', sentences.Select(s => Sentences(Sample(s.File).Body).ElementAt(s.Sentence)));
        return text.Length <= length ? text : throw new InvalidOperationException($"the benchmark post is {text.Length} characters, more than {length}");
    }

    private static IEnumerable<string> Sentences(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                yield return text[start..(i + 1)].Trim();
                start = i + 1;
            }
        }

        if (start < text.Length && text[start..].Trim() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }

    private static Draft BuildNewsletter()
    {
        var approve = Samples.Where(d => d.Id is { } id && id.StartsWith("sample-", StringComparison.Ordinal)
            && int.TryParse(id.AsSpan(7, 2), out int n) && n <= 15 && n is not (11 or 14)).ToList();
        var text = new StringBuilder(NewsletterWords * 7);
        int words = 0;
        for (int i = 0; words < NewsletterWords; i++)
        {
            var draft = approve[i % approve.Count];
            foreach (string paragraph in new[] { draft.Title ?? string.Empty, draft.Body })
            {
                foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (words == NewsletterWords)
                    {
                        break;
                    }

                    text.Append(word).Append(' ');
                    words++;
                }

                if (text.Length > 0)
                {
                    text[^1] = '\n';
                }

                text.Append('\n');
            }
        }

        return new Draft
        {
            Id = "bench-newsletter-5000",
            Title = "Millbrook Primary newsletter",
            Body = text.ToString().TrimEnd(),
            Channel = "newsletter",
            Audience = "parents",
        };
    }
}
