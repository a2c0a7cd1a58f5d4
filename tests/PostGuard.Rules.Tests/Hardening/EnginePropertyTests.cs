using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace PostGuard.Rules.Tests.Hardening;

/// <summary>
/// Property-based tests over the whole engine (default pack, shipped classifier, sample consent register) with hostile
/// drafts: arbitrary UTF-16 (lone surrogates, control characters), bidi overrides, combining-mark floods, HTML entities,
/// realistic school text with injected tricks, and attachments. Whatever the draft, the engine never throws, every span
/// lies inside its field and its excerpt is the original text there, and the same draft always gets the same verdict.
/// </summary>
/// <remarks>The seed is fixed, so a failure replays exactly; FsCheck prints the failing draft.</remarks>
public class EnginePropertyTests
{
    private const ulong Seed = 0x9057_6A2D_2025_1121;

    private static readonly string[] s_school =
    [
        "Well done to Year 4 for a brilliant sports day!", "Mrs Patel is on holiday from 3rd to 17th August.",
        "Call the office on 01632 960000.", "Text me on 07700 900123.", "What an idiot parked across the gate.",
        "Great tits and blue tits at the bird feeder.", "Dick Whittington tickets are on sale.", "Our trip to Scunthorpe.",
        "Amelia Smith and Noah Evans won the relay.", "Well done Grace!", "We hope you enjoyed it.", "Noah Patel scored twice.",
        "The door code is 4590.", "wifi password: Millbrook2024", "Email sarah.jones84@gmail.com", "Liam O'Brien's painting.",
        "Zoë Clarke and Chloé Martin sang.", "The house will be empty from Friday.", "st**upi**d", "s t u p i d", "f*ck",
        "Tom walks home alone at 3.15 every day.", "Mr Hughes is off sick this week.", "NHS 943 476 5919", "SK8 1AB",
    ];

    private static readonly string[] s_specials =
    [
        "\u202E", "\u202D", "\u2066", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u0301", "\u0336", "\u20E3", "\uFE0F",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\0", "\u0007", "\u001B", "\r\n", "\r", "\t", "\u2028", "\u0085",
        "😀", "👍🏽", "𝐬𝐭𝐮𝐩𝐢𝐝", "𝟎𝟕", "ｓｔｕｐｉｄ", "٠٧٧", "&", "&#", "&#x;", "&#1114112;", "&#55296;", "&#x1D41A;", "&amp;",
        "&nbsp;", "&#0;", "*", "**", "__", "_", "@", "$", "!", "'", "’", " ", ".", "-", "|", "Ν", "ı", "İ", "ß", "ﬁ", "ẞ",
        "Ⅻ", "½", "\uFFFD", "\uFFFF", "\uE000",
    ];

    private static readonly string[] s_names = ["Noah Evans", "Amelia Smith", "Amelia Hughes", "Grace", "Hope Williams", "Jack Walsh", "Zoë Clarke", "Liam O'Brien", "Sky"];

    private static Gen<string> AnyChar => Gen.Choose(0, 0xFFFF).Select(i => ((char)i).ToString());

    private static Gen<string> AnyString => AnyChar.ListOf().Select(string.Concat);

    private static Gen<string> Flood =>
        from mark in Gen.Elements("\u0301", "\u0336", "\u200B", "\u202E", "\uD800", "*", "&#", " a")
        from n in Gen.Choose(1, 600)
        select "a" + string.Concat(Enumerable.Repeat(mark, n)) + "b";

    private static Gen<string> Trick =>
        from text in Gen.Elements(s_school)
        from trick in Gen.Choose(0, 7)
        from at in Gen.Choose(0, 1000)
        select Disguise(text, trick, at);

    private static string Disguise(string text, int trick, int at)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool here = (i + at) % 3 == 0;
            sb.Append(trick switch
            {
                0 when here => c + "\u200B",
                1 => c switch { 'o' => "0", 'i' => "1", 'e' => "3", 'a' => "@", 's' => "$", _ => c.ToString() },
                2 => c switch { 'a' => "а", 'o' => "о", 'e' => "е", 'p' => "р", 'c' => "с", _ => c.ToString() },
                3 when c is >= '!' and <= '~' => ((char)(c + 0xFEE0)).ToString(),
                4 when char.IsLetter(c) => c + " ",
                5 when here => $"&#{(int)c};",
                6 when here && char.IsLetter(c) => "**" + c + "**",
                7 when here => c + "\u0336\u0301",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static Gen<string> Chunk => Gen.Frequency(
        (4, Gen.Elements(s_school)), (3, Trick), (2, AnyString), (3, Gen.Elements(s_specials)), (1, Flood));

    internal static Gen<string> Text =>
        from chunks in Chunk.ListOf()
        from sep in Gen.Elements(" ", "", "\n", " \u202E ", "*", "&")
        select string.Join(sep, chunks);

    private static Gen<Attachment> AttachmentGen =>
        from kind in Gen.Elements("image", "video", "document", "IMAGE", null)
        from alt in Text.OrNull()
        from caption in Text.OrNull()
        from tagged in Gen.Frequency((2, Gen.Elements(s_names)), (1, Text)).ListOf()
        select new Attachment { Kind = kind, AltText = alt, Caption = caption, TaggedPeople = [.. tagged] };

    internal static Gen<Draft> DraftGen =>
        from title in Text.OrNull()
        from body in Text
        from channel in Gen.Elements("facebook", "x", "website", "\u202Ex", "", null)
        from audience in Gen.Elements("public", "parents", "staff", "PUBLIC", "aliens", null)
        from attachments in Gen.Frequency((3, Gen.Constant(Array.Empty<Attachment>())), (2, AttachmentGen.ArrayOf()))
        select new Draft { Title = title, Body = body, Channel = channel, Audience = audience, Attachments = attachments };

    private static Config Replayable(int cases)
        => Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed), FSharpOption<int>.None)));

    private static readonly Draft s_other = new()
    {
        Title = "Staff news", Body = "Mrs Patel is on holiday from 3rd August; text 07700 900123. Noah Evans s t u p i d",
        Attachments = [new Attachment { Kind = "image", Caption = "Amelia Smith", TaggedPeople = ["Jack Walsh"] }],
    };

    /// <summary>Every span lies inside its field and its excerpt is the field's text there; engine failures are never approved.</summary>
    internal static void AssertWellFormed(Draft draft, Verdict verdict)
    {
        foreach (var f in verdict.Findings)
        {
            var text = HardeningEngine.FieldText(draft, f.Field);
            if (text is null)
            {
                (f.Start, f.Length, f.Excerpt).Should().Be((0, 0, string.Empty), $"{f.RuleId} is about the whole draft");
                continue;
            }

            f.Start.Should().BeGreaterThanOrEqualTo(0, f.RuleId);
            f.Length.Should().BeGreaterThanOrEqualTo(0, f.RuleId);
            (f.Start + f.Length).Should().BeLessThanOrEqualTo(text.Length, $"{f.RuleId} in {f.Field}");
            f.Excerpt.Should().Be(text.Substring(f.Start, f.Length), $"{f.RuleId} in {f.Field}");
        }

        verdict.Decision.Should().Be(HardeningEngine.Instance.Policy.Decide(verdict.Findings, draft.Audience));
        if (verdict.Findings.Any(f => f.RuleId.StartsWith("engine.", StringComparison.Ordinal)))
        {
            verdict.Decision.Should().NotBe(Decision.Approve);
        }
    }

    [Test]
    public void Evaluate_ArbitraryDrafts_NeverThrowAndSpansPointAtTheirFields()
    {
        var engine = HardeningEngine.Instance;
        Check.One(Replayable(1000), Prop.ForAll(DraftGen.ToArbitrary(), draft =>
        {
            var first = engine.Evaluate(draft);
            AssertWellFormed(draft, first);
            engine.Evaluate(s_other); // the per-thread scratch state is reused by another draft in between
            var again = engine.Evaluate(draft);
            HardeningEngine.Json(again).Should().Be(HardeningEngine.Json(first), "the same draft always gets the same verdict");
        }));
    }

    [Test]
    public void Evaluate_ArbitraryUtf16Body_NeverThrowsAndSpansPointAtTheBody()
    {
        var engine = HardeningEngine.Instance;
        var body = Gen.Frequency((3, AnyString), (2, Text));
        Check.One(Replayable(2000), Prop.ForAll(body.ToArbitrary(), text =>
        {
            var draft = new Draft { Body = text };
            var verdict = engine.Evaluate(draft);
            AssertWellFormed(draft, verdict);
            HardeningEngine.Json(engine.Evaluate(draft)).Should().Be(HardeningEngine.Json(verdict));
        }));
    }

    /// <summary>One megabyte of hostile text of the named kind (the test names carry the kind, not the text).</summary>
    internal static string MegabyteBody(string kind, int size = 1 << 20)
    {
        string Fill(string unit) => new StringBuilder(size + unit.Length).Insert(0, unit, size / unit.Length + 1).ToString(0, size);
        switch (kind)
        {
            case "random-utf16":
                var random = new Random(20251121);
                var chars = new char[size];
                for (int i = 0; i < size; i++)
                {
                    chars[i] = (char)random.Next(0, 0x10000);
                }

                return new string(chars);
            case "school-text": return Fill("Well done to Amelia Smith and Noah Evans! Mrs Patel is on holiday from 3rd August, call 07700 900123, you idiot. ");
            case "combining-flood": return "a" + Fill("\u0301");
            case "zero-width-flood": return Fill("s\u200Bt\u200Bu\u200Bp\u200Bi\u200Bd\u200B");
            case "rtl-overrides": return Fill("\u202Edi\u202Cpu\u202Dts ");
            case "lone-surrogates": return Fill("\uD800a\uDC00");
            case "control-characters": return Fill("\0\u0001\u0007\u001B\u007F");
            case "spaced-letters": return Fill("s t u p i d ");
            case "one-long-word": return Fill("a");
            case "masks": return Fill("f*");
            case "entities": return Fill("&#115;&#x74;&amp;&#");
            case "spaced-digits": return Fill("0 7 7 0 0 9 ");
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    // "school-text" has a finding every few words: the engine keeps at most 2,000 matches per field and 1,000 findings, then
    // reviews the draft (engine.too-many-matches), so rules that compare matches pairwise stay bounded
    internal static readonly string[] MegabyteKinds =
    [
        "school-text", "random-utf16", "combining-flood", "zero-width-flood", "rtl-overrides", "lone-surrogates",
        "control-characters", "spaced-letters", "one-long-word", "masks", "entities", "spaced-digits",
    ];

    [TestCaseSource(nameof(MegabyteKinds))]
    public void Evaluate_OneMegabyteHostileBody_IsCheckedWithWellFormedFindings(string kind)
    {
        var draft = new Draft { Body = MegabyteBody(kind), Title = kind };
        var verdict = HardeningEngine.Instance.Evaluate(draft);
        AssertWellFormed(draft, verdict);
    }
}
