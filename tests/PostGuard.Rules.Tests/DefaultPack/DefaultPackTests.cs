using PostGuard.Rules.Loading;

namespace PostGuard.Rules.Tests.DefaultPack;

/// <summary>The default pack tests itself: every rule's examples run as a test case.</summary>
public class DefaultPackTests
{
    private static readonly RulePack s_pack = RulePack.LoadDefault();
    private static readonly PostGuardEngine s_engine = new PostGuardEngineBuilder().UseRulePack(s_pack).Build();

    public static IEnumerable<TestCaseData> Examples()
    {
        foreach (var rule in RulePack.LoadDefault().Rules)
        {
            int flag = 0, pass = 0;
            foreach (var example in rule.Examples)
            {
                string name = example.ShouldFire ? $"flag {++flag}" : $"pass {++pass}";
                yield return new TestCaseData(rule.Id, example).SetName($"Example_{rule.Id}_{name.Replace(' ', '_')}");
            }
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void Example_RuleFiresExactlyWhenItShould(string ruleId, RuleExample example)
    {
        var rule = s_pack.Find(ruleId)!;
        if (rule.Kind == "classifier" && s_engine.Classifier is null)
        {
            Assert.Ignore("classifier rule examples need a classifier");
        }

        var verdict = s_engine.Evaluate(example.Draft);
        bool fired = verdict.Findings.Any(f => f.RuleId == ruleId);
        fired.Should().Be(example.ShouldFire, $"{example.Source}: the example should {(example.ShouldFire ? string.Empty : "not ")}fire");
    }

    [Test]
    public void LoadDefault_MatchesTheRulesFolder()
    {
        var fromFolder = RulePack.Load(RepoPaths.Rules);
        fromFolder.Hash.Should().Be(s_pack.Hash, "the embedded default pack is built from rules/");
        fromFolder.Rules.Select(r => r.Id).Should().Equal(s_pack.Rules.Select(r => r.Id));
    }

    [Test]
    public void DefaultPack_EveryRuleCitesAPolicyAndHasExamplesBothWays()
    {
        s_pack.Rules.Should().NotBeEmpty();
        foreach (var rule in s_pack.Rules)
        {
            rule.Policy.Should().NotBeNullOrWhiteSpace(rule.Id);
            rule.Examples.Should().Contain(e => e.ShouldFire, $"{rule.Id} needs a flag example");
            rule.Examples.Should().Contain(e => !e.ShouldFire, $"{rule.Id} needs a pass example");
            rule.Id.Should().Be(RulePackLoader.IdFromPath(rule.Source.File));
        }
    }

    [Test]
    public void DefaultPack_CoversEveryCategoryExceptConsentWhichNeedsARegister()
    {
        s_pack.Rules.Select(r => r.Category).Distinct().Should().Contain(
            [FindingCategory.Confidential, FindingCategory.PersonalSchedule, FindingCategory.Derogatory, FindingCategory.Toxicity]);
    }
}
