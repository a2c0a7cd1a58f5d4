namespace PostGuard.Rules.Tests.Kinds;

public class TermsRuleTests
{
    private static readonly PostGuardEngine s_engine = TestPacks.Engine(("derogatory/insults.yaml", TestPacks.Insults));

    [TestCase("You are so STUPID.")]
    [TestCase("You are so ｓｔｕｐｉｄ.")]
    [TestCase("You are so ſtupid.")]
    [TestCase("You are so stu\u0301pid.")]
    [TestCase("You are so stüpïd.")]
    [TestCase("You are so st\u200Bup\u200Did.")]
    [TestCase("You are so ѕtuрid.")]
    [TestCase("You are so ѕτυріd.")]
    [TestCase("You are so 5tup1d.")]
    [TestCase("You are so $tup!d.")]
    [TestCase("You are so s t u p i d.")]
    [TestCase("You are so s.t.u.p.i.d.")]
    [TestCase("You are so s*t*u*p*i*d.")]
    [TestCase("You are so stuuuuupid.")]
    [TestCase("You are so st**upi**d.")]
    [TestCase("You are so 𝐬𝐭𝐮𝐩𝐢𝐝.")]
    [TestCase("You are so &#115;tupid.")]
    [TestCase("What an 1d10t.")]
    [TestCase("f*ck this")]
    [TestCase("F**K this")]
    [TestCase("What a s t u p i d thing to do.")]
    [TestCase("I s t u p i d")]
    public void Evaluate_EvasionSpelling_IsDetected(string body)
    {
        s_engine.Check(body).Findings.Should().Contain(f => f.RuleId == "derogatory.insults");
    }

    [TestCase("Year 9 visited Scunthorpe and Penistone.")]
    [TestCase("Our Middlesex, Essex and Sussex partner schools.")]
    [TestCase("The Cockermouth trip is booked.")]
    [TestCase("Assessment week starts Monday; class analysis follows.")]
    [TestCase("Tickets for Dick Whittington are on sale!")]
    [TestCase("We saw great tits at the bird feeder.")]
    [TestCase("Blue tits are nesting in the box.")]
    [TestCase("Shuttlecock and cocktail sticks for the craft fair.")]
    [TestCase("Sextant and Essex and passage and classic.")]
    [TestCase("Reminder: the rubbish collection moves to Tuesday.")]
    [TestCase("Skill of the week: killer sudoku")]
    public void Evaluate_ScunthorpeTrap_IsApproved(string body)
    {
        var verdict = s_engine.Check(body);
        verdict.Findings.Should().BeEmpty();
        verdict.Decision.Should().Be(Decision.Approve);
    }

    [Test]
    public void Evaluate_Match_SpanPointsAtOriginalText()
    {
        const string body = "Honestly, ｓｔｕｐｉｄ\u200B referee.";
        var finding = s_engine.Check(body).Findings.Single();
        body.Substring(finding.Start, finding.Length).Should().Be(finding.Excerpt);
        finding.Excerpt.Should().Be("ｓｔｕｐｉｄ");
        finding.Field.Should().Be("body");
        finding.Policy.Should().StartWith("Cheadle Heath 2021");
        finding.Suggestion.Should().Be("Remove the insult.");
    }

    [Test]
    public void Evaluate_PerTermSeverityAndSuggestion_OverrideTheRule()
    {
        var finding = s_engine.Check("The new car park is rubbish.").Findings.Single();
        finding.Severity.Should().Be(Severity.Low);
        finding.Suggestion.Should().Be("Describe the problem instead.");
    }

    [Test]
    public void Evaluate_LongestPhraseWins_OverTheWordInside()
    {
        var finding = s_engine.Check("I will kill you").Findings.Single();
        finding.Excerpt.Should().Be("kill you");
    }

    [Test]
    public void Evaluate_TitleAndAttachmentFields_AreCheckedAndNamed()
    {
        var verdict = s_engine.Evaluate(new Draft
        {
            Title = "Stupid rules",
            Body = "Nothing here.",
            Attachments = [new Attachment { Kind = "image", AltText = "fine", Caption = "what an idiot" }],
        });

        verdict.Findings.Select(f => f.Field).Should().Equal("title", "attachments[0].caption");
    }

    [Test]
    public void Evaluate_SameDraftTwice_GivesEqualVerdicts()
    {
        var draft = new Draft { Id = "x", Body = "stupid idiot" };
        s_engine.Evaluate(draft).Should().BeEquivalentTo(s_engine.Evaluate(draft));
    }
}

public class ExactTermTests
{
    [Test]
    public void Evaluate_ExactTerm_MatchesOnlyItsOwnSpelling()
    {
        var yaml = """
            kind: terms
            category: derogatory
            severity: high
            message: m
            policy: p
            terms:
              - stupid
              - { term: coon, exact: true }
            """;
        var engine = TestPacks.Engine(("derogatory/slurs.yaml", yaml));

        engine.Check("He called him a Coon.").Findings.Should().ContainSingle().Which.Excerpt.Should().Be("Coon");
        engine.Check("It was a con from the start.").Findings.Should().BeEmpty("squeezing would make 'coon' match 'con'");
        engine.Check("so stuuupid").Findings.Should().ContainSingle();
    }
}
