using PostGuard.Rules.Consent;

namespace PostGuard.Rules.Tests.Kinds.PupilNames;

public class PupilNamesRuleTests
{
    internal const string RuleYaml = """
        kind: pupil-names
        category: pupil-consent
        severity: high
        message: Names or pictures a pupil without consent.
        policy: "000 Images; 002 Use of images"
        """;

    internal const string Register = """
        upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish
        U01,Amelia,,Smith,4,yes,yes,no
        U02,Amelia,,Khan,5,no,no,no
        U03,Oliver,Olly,Brown,6,yes,no,no
        U04,Zoë,,Clarke,3,no,yes,no
        U05,Liam,,O'Brien,6,no,yes,no
        U06,Grace,,Patel,2,no,no,no
        U07,Noah,,Evans,5,yes,yes,yes
        U08,Isla,,Smith-Jones,4,no,yes,no
        U09,William,Will,Turner,5,no,no,no
        U10,Summer,,Ali,4,no,no,no
        U11,May,,Chen,1,no,no,no
        U12,Hope,,Williams,3,no,no,no
        U13,Rose,,Nowak,2,no,no,no
        U14,Chloe,,Martin,3,yes,yes,no
        U15,Mia,,D'Souza,2,no,yes,no
        U16,Noah,,Patel,6,yes,yes,no
        U17,Jack,,Walsh,5,no,no,no
        """;

    private static readonly Lazy<PostGuardEngine> s_engine = new(() => Build(RuleYaml));

    internal static PostGuardEngine Build(string ruleYaml, ConsentRegister? register = null, bool noRegister = false)
    {
        var pack = RulePack.FromFiles(new Dictionary<string, string>
        {
            ["pack.yaml"] = "name: test\n",
            ["pupil-consent/names.yaml"] = ruleYaml,
        });
        return new PostGuardEngineBuilder()
            .UseRulePack(pack)
            .UseConsentRegister(noRegister ? null : register ?? ConsentRegister.Parse(Register))
            .Build();
    }

    private static Verdict Check(string body, params Attachment[] attachments)
        => s_engine.Value.Evaluate(new Draft { Body = body, Attachments = attachments });

    private static Attachment Image(params string[] tagged) => new() { Kind = "image", FileName = "photo.jpg", TaggedPeople = tagged };

    // ------------------------------------------------------------------ match forms

    [TestCase("Well done Liam O'Brien!", "Liam O'Brien")]
    [TestCase("Well done Liam O’Brien!", "Liam O’Brien")]
    [TestCase("WELL DONE LIAM O'BRIEN!", "LIAM O'BRIEN")]
    [TestCase("well done liam o'brien!", "liam o'brien")]
    [TestCase("Well done Liam\n   O'Brien!", "Liam\n   O'Brien")]
    [TestCase("Liam O'Brien's painting won.", "Liam O'Brien")]
    [TestCase("Isla Smith-Jones sang.", "Isla Smith-Jones")]
    [TestCase("Isla Smith Jones sang.", "Isla Smith Jones")]
    [TestCase("Mia D'Souza read.", "Mia D'Souza")]
    [TestCase("Zoë Clarke read.", "Zoë Clarke")]
    [TestCase("Zoe Clarke read.", "Zoe Clarke")]
    [TestCase("ZOË CLARKE read.", "ZOË CLARKE")]
    [TestCase("Thanks to Olly Brown and Amelia Khan.", "Amelia Khan")]
    public void Evaluate_FullNameWithoutNameConsent_Rejects(string body, string excerpt)
    {
        var verdict = Check(body);

        verdict.Decision.Should().Be(Decision.Reject);
        var finding = verdict.Findings.Should().ContainSingle().Which;
        finding.Excerpt.Should().Be(excerpt);
        finding.Severity.Should().Be(Severity.High);
        finding.Category.Should().Be(FindingCategory.PupilConsent);
        finding.RuleId.Should().Be("pupil-consent.names");
        finding.Message.Should().Be("Gives the full name of a pupil who has no consent to be named.");
    }

    [TestCase("Our star this week is Liam O.", "Liam O")]
    [TestCase("Great work, Amelia K. and friends", "Amelia K")]
    [TestCase("Isla S. sang.", "Isla S")]
    public void Evaluate_ForenameAndInitialWithoutNameConsent_Rejects(string body, string excerpt)
    {
        var verdict = Check(body);

        verdict.Decision.Should().Be(Decision.Reject);
        verdict.Findings.Single().Excerpt.Should().Be(excerpt);
        verdict.Findings.Single().Message.Should().Be("Gives the forename and surname initial of a pupil who has no consent to be named.");
    }

    [TestCase("Amelia S. read her poem.")]
    [TestCase("Amelia Smith read her poem.")]
    [TestCase("Chloe and Chloe Martin read.")]
    [TestCase("Olly read his poem.")]
    [TestCase("Oliver Brown read his poem.")]
    public void Evaluate_ConsentedPupilNamedWithoutAPicture_Approves(string body)
    {
        Check(body).Findings.Should().BeEmpty();
    }

    [Test]
    public void Evaluate_PossessiveFirstName_IsAFirstNameNotAnInitial()
    {
        // "Amelia's" splits into amelia + s; read as "Amelia S." it would identify Amelia Smith (consented) and approve
        var verdict = Check("We loved Amelia's story.");

        verdict.Decision.Should().Be(Decision.Review);
        verdict.Findings.Single().Excerpt.Should().Be("Amelia");
    }

    [TestCase("Liam read his poem.", "Liam")]
    [TestCase("liam read his poem.", "liam")]
    [TestCase("A big thank you to Zoe for helping.", "Zoe")]
    public void Evaluate_FirstNameOnlyWithoutNameConsent_Reviews(string body, string excerpt)
    {
        var verdict = Check(body);

        verdict.Decision.Should().Be(Decision.Review);
        var finding = verdict.Findings.Single();
        finding.Excerpt.Should().Be(excerpt);
        finding.Severity.Should().Be(Severity.Medium);
        finding.Message.Should().Be("This first name matches a pupil on the register who has no consent to be named: check who is meant.");
    }

    // ------------------------------------------------------------------ shared forenames

    [Test]
    public void Evaluate_SharedForenameOneWithoutConsent_ReviewsAndCountsWithoutNaming()
    {
        var verdict = Check("Amelia won the spelling bee.");

        verdict.Decision.Should().Be(Decision.Review);
        var finding = verdict.Findings.Single();
        finding.Message.Should().Be("This first name matches 2 pupils on the register and 1 of them has no consent to be named: check who is meant.");
        finding.Message.Should().NotContain("Smith").And.NotContain("Khan");
        finding.Suggestion.Should().Be("Check which pupil is meant; remove the name if they have no consent.");
    }

    [Test]
    public void Evaluate_SharedForenameResolvedByFullName_Approves()
    {
        Check("Amelia Smith won the spelling bee. Well done Amelia!").Findings.Should().BeEmpty();
        Check("Well done Amelia! Amelia Smith won the spelling bee.").Findings.Should().BeEmpty();
    }

    [Test]
    public void Evaluate_SharedForenameResolvedToThePupilWithoutConsent_Rejects()
    {
        var verdict = Check("Amelia Khan won the spelling bee. Well done Amelia!");

        verdict.Decision.Should().Be(Decision.Reject);
        verdict.Findings.Should().HaveCount(2);
    }

    // ------------------------------------------------------------------ do not publish

    [TestCase("Noah Evans scored the winning goal.", "Noah Evans")]
    [TestCase("Noah E. scored the winning goal.", "Noah E")]
    [TestCase("The winning goal was scored by Noah!", "Noah")]
    public void Evaluate_DoNotPublishPupil_RejectsEvenByFirstName(string body, string excerpt)
    {
        var verdict = Check(body);

        verdict.Decision.Should().Be(Decision.Reject);
        var finding = verdict.Findings.Single();
        finding.Excerpt.Should().Be(excerpt);
        finding.Suggestion.Should().Be("Remove the name; this pupil is on the do-not-publish list.");
    }

    [Test]
    public void Evaluate_DoNotPublishFirstNameShared_SaysHowManyShareIt()
    {
        Check("Well done Noah!").Findings.Single().Message.Should()
            .Be("This first name belongs to a pupil on the do-not-publish list (2 pupils on the register share it): they must not appear in any post, even by first name.");
    }

    [Test]
    public void Evaluate_DoNotPublishFirstNameAfterAFullNameOfAnother_StillRejects()
    {
        Check("Noah Patel scored. Well done Noah!").Decision.Should().Be(Decision.Reject);
    }

    [Test]
    public void Evaluate_DoNotPublishTaggedInAnImage_Rejects()
    {
        var verdict = Check("Sports day!", Image("Noah Evans"));

        verdict.Decision.Should().Be(Decision.Reject);
        verdict.Findings.Single().Field.Should().Be("attachments[0].taggedPeople[0]");
    }

    // ------------------------------------------------------------------ pictures

    [TestCase("Olly Brown")]
    [TestCase("Oliver")]
    [TestCase("olly")]
    public void Evaluate_TaggedInAnImageWithoutPhotoConsent_Rejects(string tag)
    {
        var verdict = Check("Sports day!", Image(tag));

        verdict.Decision.Should().Be(Decision.Reject);
        var finding = verdict.Findings.Single();
        finding.Suggestion.Should().Be("Remove the photo or get photo consent.");
        finding.Message.Should().Be("Tags a pupil without photo consent in an image or video.");
    }

    [Test]
    public void Evaluate_TaggedInAVideoWithoutPhotoConsent_Rejects()
    {
        Check("Sports day!", new Attachment { Kind = "video", TaggedPeople = ["Olly"] }).Decision.Should().Be(Decision.Reject);
    }

    [Test]
    public void Evaluate_TaggedInALinkWithoutPhotoConsent_Approves()
    {
        Check("Sports day!", new Attachment { Kind = "link", TaggedPeople = ["Olly"] }).Findings.Should().BeEmpty();
    }

    [Test]
    public void Evaluate_ConsentedFullNameWithAnImage_ReviewsAndSuggestsTheFirstName()
    {
        var verdict = Check("Congratulations Chloe Martin!", Image());

        verdict.Decision.Should().Be(Decision.Review);
        var finding = verdict.Findings.Single();
        finding.Suggestion.Should().Be("Use the first name only.");
        finding.Message.Should().Be("Gives a pupil's full name in a post with an image or video: never name and picture a child together.");
    }

    [Test]
    public void Evaluate_ConsentedFullNameTaggedInAnImage_Reviews()
    {
        Check("Sports day!", Image("Chloe Martin")).Decision.Should().Be(Decision.Review);
    }

    [Test]
    public void Evaluate_ConsentedFirstNamesPictured_Approves()
    {
        var verdict = Check("Congratulations Chloe!", new Attachment
        {
            Kind = "image", AltText = "Chloe holding her trophy", Caption = "Chloe and Amelia S.", TaggedPeople = ["Chloe", "Amelia S."],
        });

        verdict.Findings.Should().BeEmpty();
    }

    [Test]
    public void Evaluate_ImageWithAPostNamingAPupilWithoutPhotoConsent_Reviews()
    {
        var verdict = Check("Oliver Brown designed the mural.", Image());

        verdict.Decision.Should().Be(Decision.Review);
        verdict.Findings.Single().Message.Should().Be("The post has an image or video and gives the full name of a pupil who has no photo consent.");
        verdict.Findings.Single().Suggestion.Should().Be("Remove the photo or get photo consent.");
    }

    // ------------------------------------------------------------------ common-word names

    [TestCase("A huge well done to Grace for her writing.", "Grace")]
    [TestCase("Congratulations to Summer, our reading champion.", "Summer")]
    [TestCase("Thanks to May for her help.", "May")]
    [TestCase("Well done Will!", "Will")]
    [TestCase("Well done, Hope!", "Hope")]
    [TestCase("Lovely singing from Rose today.", "Rose")]
    [TestCase("Chloe and Rose built a volcano.", "Rose")]
    public void Evaluate_CommonWordUsedAsAName_Counts(string body, string excerpt)
    {
        var verdict = Check(body);

        verdict.Decision.Should().Be(Decision.Review);
        verdict.Findings.Single().Excerpt.Should().Be(excerpt);
    }

    [TestCase("Grace Patel read her poem.")]
    [TestCase("Will Turner read his poem.")]
    [TestCase("Well done Will T. for your poem.")]
    [TestCase("May Chen read her poem.")]
    public void Evaluate_CommonWordNameWithSurname_Rejects(string body)
    {
        Check(body).Decision.Should().Be(Decision.Reject);
    }

    [TestCase("By the grace of good weather, we hope the fair goes ahead.")]
    [TestCase("Grace and courtesy are our school values.")]
    [TestCase("May the best team win!")]
    [TestCase("The trip will be in May, and on 3rd May we visit the museum.")]
    [TestCase("See you at the Summer Fair and the Rose Garden opening.")]
    [TestCase("We Hope to see you there.")]
    [TestCase("Summer is here and the rose garden is in bloom.")]
    [TestCase("Year 4 visited the Summer Fair; Will You Join Us next time?")]
    [TestCase("Sign up for Art Club and the Summer Term concert.")]
    [TestCase("Will I see you at the fair?")]
    [TestCase("WILL YOU JOIN US AT THE FAIR?")]
    [TestCase("Hope springs eternal: and May 2025 was sunny.")]
    public void Evaluate_CommonWordUsedAsAWord_DoesNotCount(string body)
    {
        Check(body).Findings.Should().BeEmpty();
    }

    [Test]
    public void Evaluate_TitleCaseTitle_CommonWordsAreNotNames()
    {
        var verdict = s_engine.Value.Evaluate(new Draft { Title = "Join Us For Summer Reading With Grace Darling Stories", Body = "All welcome." });

        verdict.Findings.Should().BeEmpty();
    }

    [TestCase("Grace")]
    [TestCase("grace")]
    [TestCase("Will")]
    public void Evaluate_CommonWordNameInTaggedPeople_CountsAsAName(string tag)
    {
        var verdict = Check("Well done everyone!", new Attachment { Kind = "link", TaggedPeople = [tag] });

        verdict.Decision.Should().Be(Decision.Review);
    }

    // ------------------------------------------------------------------ fields

    [Test]
    public void Evaluate_NamesInEveryField_AreFound()
    {
        var verdict = Check("Sports day results.", new Attachment
        {
            Kind = "file", AltText = "Liam O'Brien running", Caption = "Zoë Clarke winning", TaggedPeople = ["Isla Smith-Jones"],
        }) with { };
        var withTitle = s_engine.Value.Evaluate(new Draft { Title = "Well done Mia D'Souza", Body = "Sports day results." });

        verdict.Findings.Select(f => f.Field).Should().BeEquivalentTo(
            ["attachments[0].altText", "attachments[0].caption", "attachments[0].taggedPeople[0]"]);
        withTitle.Findings.Single().Field.Should().Be("title");
        withTitle.Decision.Should().Be(Decision.Reject);
    }

    [Test]
    public void Evaluate_FindingSpan_PointsAtTheOriginalText()
    {
        const string body = "Well done to  Zoë\r\nClarke!";
        var finding = Check(body).Findings.Single();

        body.Substring(finding.Start, finding.Length).Should().Be("Zoë\r\nClarke");
    }

    // ------------------------------------------------------------------ configuration

    [Test]
    public void Build_WithoutARegister_RuleDoesNothing()
    {
        var engine = Build(RuleYaml, noRegister: true);

        engine.Evaluate(new Draft { Body = "Noah Evans and Liam O'Brien" }).Findings.Should().BeEmpty();
        engine.RuleIds.Should().Contain("pupil-consent.names");
    }

    [Test]
    public void Build_CaseSeverityOverride_ChangesTheDecision()
    {
        var engine = Build(RuleYaml + "\ncases:\n  fullNameWithPhoto: low\n  ambiguousName: { severity: high, suggestion: Ask the office. }\n");

        engine.Evaluate(new Draft { Body = "Chloe Martin!", Attachments = [Image()] }).Decision.Should().Be(Decision.Approve);
        var verdict = engine.Evaluate(new Draft { Body = "Amelia won." });
        verdict.Decision.Should().Be(Decision.Reject);
        verdict.Findings.Single().Suggestion.Should().Be("Ask the office.");
    }

    [Test]
    public void Build_ExtraCommonWordsAndPhrases_AreUsed()
    {
        var register = ConsentRegister.Parse("upn,forename,surname,name_consent,photo_consent,do_not_publish\nU1,Brook,Ward,no,no,no\n");
        var plain = Build(RuleYaml, register);
        var words = Build(RuleYaml + "\ncommonWords: [Brook]\n", register);
        var phrases = Build(RuleYaml + "\ncommonWords: [Brook]\nphrases: [brook farm]\n", register);

        plain.Evaluate(new Draft { Body = "We walked along the Brook" }).Findings.Should().NotBeEmpty();
        words.Evaluate(new Draft { Body = "We walked along the Brook" }).Findings.Should().BeEmpty();
        words.Evaluate(new Draft { Body = "A trip to Brook Farm" }).Findings.Should().NotBeEmpty();
        phrases.Evaluate(new Draft { Body = "A trip to Brook Farm" }).Findings.Should().BeEmpty();
        phrases.Evaluate(new Draft { Body = "Well done to Brook for her poem" }).Findings.Should().NotBeEmpty();
    }

    [Test]
    public void Build_Register_ChangesTheRulePackHash()
    {
        var without = Build(RuleYaml, noRegister: true);
        var with = Build(RuleYaml);
        var same = Build(RuleYaml);
        var other = Build(RuleYaml, ConsentRegister.Parse(Register.Replace("U17,Jack,,Walsh,5,no,no,no", "U17,Jack,,Walsh,5,yes,no,no")));

        with.RulePackHash.Should().NotBe(without.RulePackHash);
        with.RulePackHash.Should().Be(same.RulePackHash);
        other.RulePackHash.Should().NotBe(with.RulePackHash);
    }

    [Test]
    public void Evaluate_FromManyThreads_GivesTheSameVerdicts()
    {
        var engine = s_engine.Value;
        string[] bodies = ["Amelia won.", "Liam O'Brien won.", "Chloe won.", "May the best team win.", "Well done Noah!"];
        var expected = bodies.Select(b => engine.Evaluate(new Draft { Body = b }).Decision).ToArray();
        var failures = 0;

        Parallel.For(0, 2_000, i =>
        {
            if (engine.Evaluate(new Draft { Body = bodies[i % bodies.Length] }).Decision != expected[i % bodies.Length])
            {
                Interlocked.Increment(ref failures);
            }
        });

        failures.Should().Be(0);
        expected.Should().Equal(Decision.Review, Decision.Reject, Decision.Approve, Decision.Approve, Decision.Reject);
    }

    [Test]
    public void Build_FiftyThousandPupils_BuildsAndChecksQuickly()
    {
        // CPU time, not wall time: the shared build machine's load must not fail the test
        var register = ConsentRegister.Parse(Consent.ConsentRegisterTests.LargeRegister(50_000));
        var small = ConsentRegister.Parse(Consent.ConsentRegisterTests.LargeRegister(120));
        var cpu = Consent.ConsentRegisterTests.CpuTime();
        var engine = Build(RuleYaml, register);
        var built = Consent.ConsentRegisterTests.CpuTime() - cpu;
        var smallEngine = Build(RuleYaml, small);
        const string body = "Congratulations to Amelia and Oliver Smith0 on a fantastic sports day, and thanks to every parent who came.";
        engine.Evaluate(new Draft { Body = body });
        smallEngine.Evaluate(new Draft { Body = body });

        cpu = Consent.ConsentRegisterTests.CpuTime();
        Verdict verdict = null!;
        for (int i = 0; i < 2_000; i++)
        {
            verdict = engine.Evaluate(new Draft { Body = body });
        }

        var large = Consent.ConsentRegisterTests.CpuTime() - cpu;
        cpu = Consent.ConsentRegisterTests.CpuTime();
        for (int i = 0; i < 2_000; i++)
        {
            smallEngine.Evaluate(new Draft { Body = body });
        }

        var smallChecks = Consent.ConsentRegisterTests.CpuTime() - cpu;
        TestContext.Out.WriteLine($"build {built.TotalMilliseconds:F0} ms CPU; 2000 checks: 50,000 pupils {large.TotalMilliseconds:F0} ms, 120 pupils {smallChecks.TotalMilliseconds:F0} ms");
        built.Should().BeLessThan(TimeSpan.FromSeconds(3));
        large.Should().BeLessThan(smallChecks * 4 + TimeSpan.FromMilliseconds(200), "checking must not loop over the register's names");
        verdict.Findings.Should().NotBeEmpty();
    }
}
