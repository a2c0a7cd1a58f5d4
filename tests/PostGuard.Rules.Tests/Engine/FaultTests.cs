using System.Text.RegularExpressions;
using PostGuard.Classification;
using PostGuard.Engine;

namespace PostGuard.Rules.Tests.Engine;

/// <summary>
/// Any exception inside a rule or the classifier fails closed: the draft is reviewed (never approved because part of
/// the check broke) and the finding names the failing component and the exception type — never the draft's text,
/// which the exception's own message may quote, so the finding is safe to log.
/// </summary>
public class FaultTests
{
    private const string Secret = "Amelia Smith 07700 900123";

    private static readonly Regex s_failureMessage = new(
        @"^The (rule '[a-z\-]+\.[a-z\-]+' (failed \(\w+\)|took too long \(regular expression timeout\))|toxicity classifier failed on this field \(\w+\)), so the draft cannot be approved automatically\.$");

    private sealed class BrokenRule(string id, bool inDraftPass) : CompiledRule(new RuleInfo(id, FindingCategory.Derogatory, Severity.High, "m", "p", null, null, null))
    {
        public override void EvaluateField(EvaluationContext context)
        {
            if (!inDraftPass)
            {
                throw new InvalidOperationException("broken on: " + context.Current.Text.Original);
            }
        }

        public override void EvaluateDraft(EvaluationContext context)
        {
            if (inDraftPass)
            {
                throw new KeyNotFoundException("broken on: " + context.Draft.Body);
            }
        }
    }

    private sealed class BrokenClassifier : IToxicityClassifier
    {
        public string Version => "broken-1";

        public double ReviewThreshold => 0.5;

        public double RejectThreshold => 0.9;

        public double Score(ReadOnlySpan<char> normalizedText) => throw new InvalidDataException("cannot score: " + normalizedText.ToString());

        public ToxicityExplanation Explain(ReadOnlySpan<char> normalizedText, int maxContributions) => throw new InvalidDataException(normalizedText.ToString());
    }

    private static PostGuardEngine EngineWith(CompiledRule rule, DecisionPolicy? policy = null)
        => new EngineCompilation().Build("test", "hash", policy ?? DecisionPolicy.Default, [rule], classifier: null);

    private static void ShouldNotLeakTheDraft(Finding finding)
    {
        finding.Message.Should().MatchRegex(s_failureMessage.ToString());
        finding.Message.Should().NotContain("Amelia").And.NotContain("07700").And.NotContain("broken on");
        finding.Excerpt.Should().BeEmpty();
        finding.Length.Should().Be(0);
    }

    [TestCase(false, "InvalidOperationException")]
    [TestCase(true, "KeyNotFoundException")]
    public void Evaluate_RuleThrows_ReviewWithAFindingNamingTheRuleAndExceptionOnly(bool inDraftPass, string exception)
    {
        var engine = EngineWith(new BrokenRule("derogatory.broken", inDraftPass));

        var verdict = engine.Evaluate(new Draft { Title = "Sports day", Body = Secret, Audience = "staff" });

        verdict.Decision.Should().Be(Decision.Review);
        verdict.Findings.Should().HaveCount(inDraftPass ? 1 : 2, "once per field (title, body), or once for the draft");
        foreach (var finding in verdict.Findings)
        {
            finding.RuleId.Should().Be("derogatory.broken");
            finding.Message.Should().Be($"The rule 'derogatory.broken' failed ({exception}), so the draft cannot be approved automatically.");
            ShouldNotLeakTheDraft(finding);
        }
    }

    [Test]
    public void Evaluate_RuleThrowsUnderAPolicyThatApprovesMedium_IsStillReviewed()
    {
        var lenient = new DecisionPolicy(new Dictionary<Severity, Decision> { [Severity.Medium] = Decision.Approve, [Severity.High] = Decision.Approve });
        var engine = EngineWith(new BrokenRule("derogatory.broken", inDraftPass: false), lenient);

        engine.Evaluate(new Draft { Body = Secret }).Decision.Should().Be(Decision.Review, "a draft is never approved because part of the check broke");
    }

    [Test]
    public void Evaluate_DraftOverTheLimitUnderAPolicyThatApprovesMedium_IsStillReviewed()
    {
        var pack = RulePack.FromFiles(new Dictionary<string, string>
        {
            ["pack.yaml"] = "name: lenient\npolicy:\n  decisions: { high: approve, medium: approve, low: approve }\n",
            ["derogatory/insults.yaml"] = TestPacks.Insults,
        });
        var engine = new PostGuardEngineBuilder().UseRulePack(pack).UseClassifier(null).UseMaxDraftLength(100).Build();

        engine.Evaluate(new Draft { Body = new string('a', 500) }).Decision.Should().Be(Decision.Review);
    }

    [Test]
    public void Evaluate_ClassifierThrows_ReviewWithAFindingNamingTheClassifierOnly()
    {
        var engine = new PostGuardEngineBuilder().UseClassifier(new BrokenClassifier()).Build();

        var verdict = engine.Evaluate(new Draft { Body = "What a lovely sports day, " + Secret, Audience = "staff" });

        verdict.Decision.Should().NotBe(Decision.Approve);
        var finding = verdict.Findings.Should().Contain(f => f.RuleId == "engine.classifier-failed").Which;
        finding.Message.Should().Be("The toxicity classifier failed on this field (InvalidDataException), so the draft cannot be approved automatically.");
        ShouldNotLeakTheDraft(finding);
        verdict.Findings.Where(f => f.Message.Contains("failed", StringComparison.Ordinal)).Should().AllSatisfy(ShouldNotLeakTheDraft);
    }

    [Test]
    public void Evaluate_RegexTimeout_ReviewWithAFindingNamingTheRuleWithoutText()
    {
        var yaml = TestPacks.CatastrophicLookaround;
        var engine = TestPacks.Engine(("confidential/evil.yaml", yaml));

        var verdict = engine.Check(Secret + " " + new string('a', 50_000) + "!", "staff");

        verdict.Decision.Should().Be(Decision.Review);
        var finding = verdict.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be("confidential.evil");
        finding.Message.Should().Be("The rule 'confidential.evil' took too long (regular expression timeout), so the draft cannot be approved automatically.");
        ShouldNotLeakTheDraft(finding);
    }
}
