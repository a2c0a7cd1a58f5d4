namespace PostGuard.Rules.Tests.Engine;

public class EngineTests
{
    private static readonly PostGuardEngine s_engine = TestPacks.Engine(
        ("derogatory/insults.yaml", TestPacks.Insults),
        ("confidential/phone.yaml", TestPacks.Phone),
        ("personal-schedule/holiday.yaml", TestPacks.Holiday));

    [Test]
    public void Evaluate_FindingsAreOrderedBySeverityThenFieldThenPosition()
    {
        var verdict = s_engine.Evaluate(new Draft
        {
            Title = "rubbish news",
            Body = "Mrs Patel is on holiday from 3rd August. Call 07700 900123, you idiot.",
            Audience = "staff",
        });

        verdict.Findings.Select(f => (f.Severity, f.Field, f.RuleId)).Should().Equal(
            (Severity.High, "body", "confidential.phone"),
            (Severity.High, "body", "derogatory.insults"),
            (Severity.Medium, "body", "personal-schedule.holiday"),
            (Severity.Low, "title", "derogatory.insults"));
        verdict.Decision.Should().Be(Decision.Reject);
        verdict.RulePack.Should().Be("test-pack");
    }

    [Test]
    public void Evaluate_RuleLimitedToChannels_OnlyRunsThere()
    {
        var yaml = TestPacks.Insults.Replace("kind: terms", "kind: terms\nchannels: [x]");
        var engine = TestPacks.Engine(("derogatory/insults.yaml", yaml));
        engine.Evaluate(new Draft { Body = "stupid", Channel = "x" }).Findings.Should().NotBeEmpty();
        engine.Evaluate(new Draft { Body = "stupid", Channel = "website" }).Findings.Should().BeEmpty();
    }

    [Test]
    public void Evaluate_DisabledRule_DoesNotRun()
    {
        var engine = TestPacks.Engine(("derogatory/insults.yaml", TestPacks.Insults.Replace("kind: terms", "kind: terms\nenabled: false")));
        engine.Check("stupid").Findings.Should().BeEmpty();
        engine.RuleIds.Should().BeEmpty();
    }

    [Test]
    public void Evaluate_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var act = () => s_engine.Evaluate(new Draft { Body = "hello" }, cts.Token);
        act.Should().Throw<OperationCanceledException>();
    }

    [Test]
    public void Evaluate_ManyThreadsOnOneEngine_GiveTheSequentialVerdicts()
    {
        string[] bodies =
        [
            "Mrs Patel is on holiday from 3rd August.",
            "Call 07700 900123 now",
            "What a lovely sports day!",
            "you st**upi**d 1d10t",
            "Dick Whittington tickets",
        ];
        var expected = bodies.Select(b => s_engine.Check(b)).ToArray();
        var failures = 0;
        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var v = s_engine.Check(bodies[i % bodies.Length]);
            if (v.Decision != expected[i % bodies.Length].Decision || v.Findings.Count != expected[i % bodies.Length].Findings.Count)
            {
                Interlocked.Increment(ref failures);
            }
        });
        failures.Should().Be(0);
    }
}

public class DraftSizeTests
{
    [Test]
    public void Evaluate_DraftOverTheLimit_IsReviewedAndTheStartIsStillChecked()
    {
        var engine = new PostGuardEngineBuilder()
            .UseRulePack(TestPacks.Pack(("derogatory/insults.yaml", TestPacks.Insults)))
            .UseMaxDraftLength(1000)
            .Build();

        var verdict = engine.Check("stupid " + new string('a', 5000) + " idiot", "staff");

        verdict.Findings.Select(f => f.RuleId).Should().Equal("derogatory.insults", "engine.draft-too-large");
        verdict.Decision.Should().Be(Decision.Reject);
        engine.Check(new string('a', 5000), "staff").Decision.Should().Be(Decision.Review);
    }

    [Test]
    public void Evaluate_OneMegabyteBody_IsChecked()
    {
        var engine = TestPacks.Engine(("derogatory/insults.yaml", TestPacks.Insults));
        var body = string.Concat(Enumerable.Repeat("Lovely sports day in Scunthorpe! ", 32_000)) + "idiot";
        body.Length.Should().BeGreaterThan(1_000_000);
        var verdict = engine.Check(body, "staff");
        verdict.Findings.Should().ContainSingle().Which.Start.Should().Be(body.Length - 5);
    }
}

public class RepeatedFindingTests
{
    [Test]
    public void Evaluate_TwoRulesOfOneCategoryOnTheSameSpan_KeepsOnlyTheMoreSevere()
    {
        var personal = """
            kind: pattern
            category: confidential
            severity: high
            message: A personal email address.
            policy: p
            pattern: '\b[a-z0-9._-]+@gmail\.com\b'
            """;
        var any = """
            kind: pattern
            category: confidential
            severity: medium
            message: An email address.
            policy: p
            pattern: '\b[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}\b'
            """;
        var engine = TestPacks.Engine(("confidential/any-email.yaml", any), ("confidential/personal-email.yaml", personal));

        var verdict = engine.Check("Email jo.bloggs@gmail.com or office@millbrook.sch.uk");

        verdict.Findings.Select(f => (f.RuleId, f.Excerpt)).Should().Equal(
            ("confidential.personal-email", "jo.bloggs@gmail.com"),
            ("confidential.any-email", "office@millbrook.sch.uk"));
    }
}
