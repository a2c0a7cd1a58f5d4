namespace PostGuard.Rules.Tests.Engine;

public class DecisionPolicyTests
{
    private static Finding F(Severity s) => new("r", FindingCategory.Derogatory, s, "m", "p", "body", 0, 0, string.Empty);

    [Test]
    public void Decide_Default_MapsHighToRejectMediumToReviewLowToApprove()
    {
        var policy = DecisionPolicy.Default;
        policy.Decide([], "parents").Should().Be(Decision.Approve);
        policy.Decide([F(Severity.Low)], "parents").Should().Be(Decision.Approve);
        policy.Decide([F(Severity.Low), F(Severity.Medium)], "parents").Should().Be(Decision.Review);
        policy.Decide([F(Severity.Medium), F(Severity.High), F(Severity.Low)], "parents").Should().Be(Decision.Reject);
    }

    [Test]
    public void Decide_StricterForPublic_OnlyAppliesToPublicAndUnknownAudiences()
    {
        var policy = new DecisionPolicy(audiences: new Dictionary<string, IReadOnlyDictionary<Severity, Decision>>
        {
            ["public"] = new Dictionary<Severity, Decision> { [Severity.Low] = Decision.Review },
        });

        policy.Decide([F(Severity.Low)], "public").Should().Be(Decision.Review);
        policy.Decide([F(Severity.Low)], "PUBLIC").Should().Be(Decision.Review);
        policy.Decide([F(Severity.Low)], null).Should().Be(Decision.Review);
        policy.Decide([F(Severity.Low)], "staff").Should().Be(Decision.Approve);
    }

    [Test]
    public void Evaluate_LowFindingOnPublicPost_IsReviewedByThePackPolicy()
    {
        var engine = TestPacks.Engine(("derogatory/insults.yaml", TestPacks.Insults));
        engine.Check("The new car park is rubbish.", "public").Decision.Should().Be(Decision.Review);
        engine.Check("The new car park is rubbish.", "staff").Decision.Should().Be(Decision.Approve);
    }
}
