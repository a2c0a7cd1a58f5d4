using PostGuard.Text;

namespace PostGuard.Core.Tests.Text;

public class FieldTextTests
{
    private static string[] Skeletons(string text)
    {
        var f = new FieldText();
        f.Load("body", text);
        var result = new string[f.TokenCount];
        for (int i = 0; i < f.TokenCount; i++)
        {
            result[i] = f.Skeleton(f[i]).ToString();
        }

        return result;
    }

    private static string[] Words(string text)
    {
        var f = new FieldText();
        f.Load("body", text);
        var result = new string[f.TokenCount];
        for (int i = 0; i < f.TokenCount; i++)
        {
            result[i] = f.Word(f[i]).ToString();
        }

        return result;
    }

    [TestCase("STUPID", "stupid")]
    [TestCase("ｓｔｕｐｉｄ", "stupid")]
    [TestCase("st\u200Bupid", "stupid")]
    [TestCase("st\u00ADu\u200Dpid", "stupid")]
    [TestCase("ѕtupіd", "stupid")]
    [TestCase("ѕτυρіd", "stupid")]
    [TestCase("5tup1d", "stupid")]
    [TestCase("$tup!d", "stupid")]
    [TestCase("b!tch", "bitch")]
    [TestCase("s t u p i d", "stupid")]
    [TestCase("s.t.u.p.i.d", "stupid")]
    [TestCase("s-t-u-p-i-d", "stupid")]
    [TestCase("stuuuuupid", "stupid")]
    [TestCase("st**upi**d", "stupid")]
    [TestCase("𝐬𝐭𝐮𝐩𝐢𝐝", "stupid")]
    [TestCase("&#115;tupid", "stupid")]
    [TestCase("stüpíd", "stupid")]
    [TestCase("ﬁlthy", "filthy")]
    [TestCase("h4t3", "hate")]
    [TestCase("@ss", "as")]
    [TestCase("sc__um__bag", "scumbag")]
    [TestCase("ΝΟΑΗ", "noah")]
    public void Load_EvasionSpelling_FoldsToSkeleton(string text, string expected)
    {
        Skeletons(text)[0].Should().Be(expected);
    }

    [Test]
    public void Load_PossessiveAndApostropheNames_SplitConsistently()
    {
        Words("Amelia’s friend O’Brien").Should().Equal("amelia", "s", "friend", "o", "brien");
    }

    [Test]
    public void Load_Digits_AreNotLeetFolded()
    {
        Skeletons("Call 07700 900123 by 3pm").Should().Equal("cal", "07700", "900123", "by", "3pm");
    }

    [Test]
    public void Load_Diacritics_FoldInWordForm()
    {
        Words("Zoë and Chloé").Should().Equal("zoe", "and", "chloe");
    }

    [Test]
    public void OriginalSpan_AfterFolding_PointsAtOriginalText()
    {
        var text = "Hi \u200Bthere ｓｔｕｐｉｄ &amp; s t u p i d!";
        var f = new FieldText();
        f.Load("body", text);
        for (int i = 0; i < f.TokenCount; i++)
        {
            var (start, length) = f.OriginalSpan(i, i);
            start.Should().BeGreaterThanOrEqualTo(0);
            (start + length).Should().BeLessThanOrEqualTo(text.Length);
        }

        var (s, l) = f.OriginalSpan(2, 2);
        text.Substring(s, l).Should().Be("ｓｔｕｐｉｄ");
        var (s2, l2) = f.OriginalSpan(3, 3);
        text.Substring(s2, l2).Should().Be("s t u p i d");
    }

    [Test]
    public void Load_CaseAndSentenceStart_AreRecorded()
    {
        var f = new FieldText();
        f.Load("body", "Grace won. We hope Grace and GRACE come.");
        f[0].Has(TokenFlags.Capitalized).Should().BeTrue();
        f[0].Has(TokenFlags.SentenceStart).Should().BeTrue();
        f[2].Has(TokenFlags.SentenceStart).Should().BeTrue();
        f[3].Has(TokenFlags.Capitalized).Should().BeFalse();
        f[4].Has(TokenFlags.Capitalized).Should().BeTrue();
        f[4].Has(TokenFlags.SentenceStart).Should().BeFalse();
        f[6].Has(TokenFlags.AllCaps).Should().BeTrue();
    }

    [Test]
    public void SkeletonText_JoinsTokensWithSingleSpaces()
    {
        var f = new FieldText();
        f.Load("body", "You   are  SO   stuuupid!!");
        f.SkeletonText.ToString().Should().Be("you are so stupid");
        var (s, l) = f.OriginalSpanOfSkeletonText(11, 6);
        "You   are  SO   stuuupid!!".Substring(s, l).Should().Be("stuuupid");
    }

    [Test]
    public void Load_GreekCapitals_FoldByTheirShape()
    {
        // lower-case ν looks like v and μ like u, but the capitals Ν and Μ look like N and M
        Words("Νoah Μia Ηarry Υasmin").Should().Equal("noah", "mia", "harry", "yasmin");
    }

    [Test]
    public void Load_DigitsOfEveryScript_FoldToAscii()
    {
        Words("٠٧٧٠٠ ९००१२३ ０７").Should().Equal("07700", "900123", "07");
    }

    [Test]
    public void Load_SingleUnderscore_SeparatesWords()
    {
        Words("amelia_smith").Should().Equal("amelia", "smith");
    }

    [Test]
    public void Load_SpacedLettersWithDifferentGaps_JoinIntoSeparateWords()
    {
        Words("N-o-a-h E-v-a-n-s").Should().Equal("noah", "evans");
        Words("s t u p i d").Should().Equal("stupid");
    }

    [Test]
    public void Load_LeetInWordForm_IsUndoneButDoubledLettersStay()
    {
        Words("N0ah Evan5 J4ck Anna 3pm 07700").Should().Equal("noah", "evans", "jack", "anna", "3pm", "07700");
    }
}
