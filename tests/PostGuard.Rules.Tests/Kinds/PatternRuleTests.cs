namespace PostGuard.Rules.Tests.Kinds;

public class PatternRuleTests
{
    private static readonly PostGuardEngine s_engine = TestPacks.Engine(("confidential/phone.yaml", TestPacks.Phone), ("confidential/nhs.yaml", TestPacks.Nhs));

    [TestCase("Call 07700 900123 tonight", "07700 900123")]
    [TestCase("Call 07700900123 tonight", "07700900123")]
    [TestCase("Call +44 7700 900123 tonight", "+44 7700 900123")]
    [TestCase("Call +44 (0)7700 900123 tonight", "+44 (0)7700 900123")]
    [TestCase("Ring 0161 496 0000 after six", "0161 496 0000")]
    [TestCase("Ring 020 7946 0000 after six", "020 7946 0000")]
    [TestCase("Ring ０７７００ ９００１２３", "０７７００ ９００１２３")]
    [TestCase("Ring 07700\u200B900123", "07700\u200B900123")]
    public void Evaluate_UkPhoneSpellings_AreFoundWithOriginalSpan(string body, string excerpt)
    {
        var finding = s_engine.Check(body).Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("confidential.phone");
        finding.Excerpt.Should().Be(excerpt);
        body.Substring(finding.Start, finding.Length).Should().Be(excerpt);
    }

    [Test]
    public void Evaluate_SchoolOfficeNumberInProfile_IsNotAFinding()
    {
        var profile = SchoolProfile.Parse("""
            school:
              name: Millbrook Primary School
              phones: ["0161 496 0000"]
            """);
        var engine = new PostGuardEngineBuilder()
            .UseRulePack(TestPacks.Pack(("confidential/phone.yaml", TestPacks.Phone)))
            .UseProfile(profile)
            .Build();

        engine.Check("Questions? Call the office on 0161 4960000.").Findings.Should().BeEmpty();
        engine.Check("Questions? Call the office on +44 161 496 0000.").Findings.Should().BeEmpty();
        engine.Check("Or Mrs Khan on 0161 496 0999.").Findings.Should().ContainSingle();
    }

    [Test]
    public void Evaluate_ProfileChangesTheEngineHash()
    {
        var pack = TestPacks.Pack(("confidential/phone.yaml", TestPacks.Phone));
        var plain = new PostGuardEngineBuilder().UseRulePack(pack).Build();
        var withProfile = new PostGuardEngineBuilder().UseRulePack(pack).UseProfile(SchoolProfile.Parse("school: { phones: ['0161 496 0000'] }")).Build();
        withProfile.RulePackHash.Should().NotBe(plain.RulePackHash);
    }

    [TestCase("NHS number 943 476 5919", true)]
    [TestCase("NHS number 9434765919", true)]
    [TestCase("Order ref 943 476 5918", false)]
    public void Evaluate_NhsValidator_AcceptsOnlyValidCheckDigits(string body, bool found)
    {
        s_engine.Check(body).Findings.Any(f => f.RuleId == "confidential.nhs").Should().Be(found);
    }
}
