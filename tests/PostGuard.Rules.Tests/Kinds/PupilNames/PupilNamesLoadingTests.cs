using PostGuard.Diagnostics;

namespace PostGuard.Rules.Tests.Kinds.PupilNames;

public class PupilNamesLoadingTests
{
    private static PostGuardConfigurationException LoadFails(string ruleYaml)
    {
        var act = () => RulePack.FromFiles(new Dictionary<string, string> { ["pack.yaml"] = "name: test\n", ["pupil-consent/names.yaml"] = ruleYaml });
        return act.Should().Throw<PostGuardConfigurationException>().Which;
    }

    [Test]
    public void Load_ExamplesWithoutTestRegister_IsAnError()
    {
        var ex = LoadFails(PupilNamesRuleTests.RuleYaml + "\nexamples:\n  flag: [Amelia]\n");

        ex.Diagnostics.Single().ToString().Should().Be(
            "pupil-consent/names.yaml:7:3: error PG140 [pupil-consent.names] a pupil-names rule's examples need a 'testRegister' (CSV text of fictional pupils) to run against");
    }

    [Test]
    public void Load_BadTestRegisterRow_ReportsTheLineInTheRuleFile()
    {
        var ex = LoadFails(PupilNamesRuleTests.RuleYaml + """

            testRegister: |
              upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish
              T1,Amelia,,Smith,4,yes,yes,no
              T2,Oliver,,Brown,5,yes,sometimes,no
            """);

        var d = ex.Diagnostics.Single();
        d.Code.Should().Be(DiagnosticCodes.InvalidRegister);
        d.Line.Should().Be(9);
        d.Message.Should().Be("testRegister: row 3, column 7 'photo_consent': must be yes or no (also y/n, true/false, 1/0; empty means no)");
    }

    [Test]
    public void Load_UnknownCase_IsReportedWithTheAllowedNames()
    {
        var ex = LoadFails(PupilNamesRuleTests.RuleYaml + "\ncases:\n  fullNameWithPhotos: low\n");

        ex.Diagnostics.Single().Message.Should().Be("unknown key 'fullNameWithPhotos' in cases — did you mean 'fullNameWithPhoto'?");
    }

    [Test]
    public void Load_BadCaseSeverity_IsReported()
    {
        var ex = LoadFails(PupilNamesRuleTests.RuleYaml + "\ncases:\n  doNotPublish: severe\n");

        ex.Diagnostics.Single().Message.Should().Be("'doNotPublish' must be one of low, medium, high (found 'severe')");
    }
}
