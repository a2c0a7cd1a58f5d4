namespace PostGuard.Rules.Tests.Kinds;

public class ProximityRuleTests
{
    private static readonly PostGuardEngine s_engine = TestPacks.Engine(("personal-schedule/holiday.yaml", TestPacks.Holiday));

    [TestCase("Mrs Patel is on holiday from 3rd to 17th August.")]
    [TestCase("Mr Hughes is off sick until next week.")]
    [TestCase("Sarah will be away on Friday, so her class has a supply teacher.")]
    [TestCase("I'm on leave from 1st June!")]
    public void Evaluate_PersonAwayWithDate_IsFound(string body)
    {
        var finding = s_engine.Check(body).Findings.Should().ContainSingle().Subject;
        finding.Category.Should().Be(FindingCategory.PersonalSchedule);
        finding.Severity.Should().Be(Severity.Medium);
    }

    [TestCase("The summer fair is on 3rd July and we will be away from the classroom.")]
    [TestCase("School is closed for the holidays from 20th July.")]
    [TestCase("Mrs Patel had a lovely holiday.")]
    [TestCase("Year 6 are away on their residential from 3rd to 5th June.")]
    public void Evaluate_PublicEventOrNoDateOrNoPerson_IsApproved(string body)
    {
        s_engine.Check(body).Findings.Should().BeEmpty();
    }

    [Test]
    public void Evaluate_Finding_SpansAnchorAndNearestDate()
    {
        const string body = "Mrs Patel is on holiday from 3rd to 17th August.";
        var finding = s_engine.Check(body).Findings.Single();
        finding.Excerpt.Should().Be("on holiday from 3rd");
        body.Substring(finding.Start, finding.Length).Should().Be(finding.Excerpt);
    }
}
