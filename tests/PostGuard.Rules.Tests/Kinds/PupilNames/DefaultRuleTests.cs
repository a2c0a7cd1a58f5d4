using PostGuard.Rules.Consent;
using PostGuard.Rules.Kinds.PupilNames;

namespace PostGuard.Rules.Tests.Kinds.PupilNames;

/// <summary>The shipped <c>rules/pupil-consent/names.yaml</c>: its examples run against its test register, which never checks real drafts.</summary>
public class DefaultRuleTests
{
    private static RulePack Pack() => RulePack.Load(RepoPaths.Of("rules"));

    private static IEnumerable<TestCaseData> Examples()
    {
        var pack = RulePack.Load(RepoPaths.Of("rules"));
        var engine = new PostGuardEngineBuilder().UseRulePack(pack).Build();
        foreach (var result in RuleExamples.Run(pack, engine).Where(r => r.RuleId == "pupil-consent.names"))
        {
            yield return new TestCaseData(result).SetName($"Example_{(result.Example.ShouldFire ? "Flag" : "Pass")}_line{result.Example.Source.Line}");
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void Example_RunAgainstTheTestRegister_Passes(RuleExampleResult result)
    {
        result.Skipped.Should().BeFalse();
        result.Passed.Should().BeTrue($"{result.Example.Source} should {(result.Example.ShouldFire ? string.Empty : "not ")}fire");
    }

    [Test]
    public void Rule_HasATestRegisterAndExamples()
    {
        var rule = Pack().Find("pupil-consent.names").Should().BeOfType<PupilNamesRuleDefinition>().Subject;

        rule.TestRegister.Should().NotBeNull();
        rule.TestRegister!.Count.Should().BeGreaterThan(5);
        rule.Examples.Should().Contain(e => e.ShouldFire).And.Contain(e => !e.ShouldFire);
        rule.Policy.Should().Contain("000").And.Contain("002");
    }

    [Test]
    public void Rule_WithoutARealRegister_IgnoresTheTestRegisterPupils()
    {
        var engine = new PostGuardEngineBuilder().UseRulePack(Pack()).Build();

        engine.Evaluate(new Draft { Body = "Noah scored the winning goal." }).Findings
            .Should().NotContain(f => f.RuleId == "pupil-consent.names");
    }

    [Test]
    public void Rule_WithTheSampleRegister_FindsItsPupils()
    {
        var engine = new PostGuardEngineBuilder().UseRulePack(Pack())
            .UseConsentRegister(ConsentRegister.Load(RepoPaths.Of("samples/consent-register.csv"))).Build();

        engine.Evaluate(new Draft { Body = "Noah scored the winning goal." }).Decision.Should().Be(Decision.Reject);
    }
}
