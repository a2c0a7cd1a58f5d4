using PostGuard.Diagnostics;

namespace PostGuard.Rules.Tests.Loading;

public class UnclosedFlowCollectionTests
{
    [Test]
    public void FromFiles_UnclosedFlowSequenceFollowedByKeys_ReportsSyntaxErrorWithLine()
    {
        var files = new Dictionary<string, string>
        {
            ["pack.yaml"] = "name: p\n",
            ["derogatory/insults.yaml"] = "kind: terms\ncategory: derogatory\nseverity: [high\nterms: [idiot]\n",
        };

        var act = () => RulePack.FromFiles(files);

        act.Should().Throw<PostGuardConfigurationException>().Which.Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be("derogatory/insults.yaml:3:11: error PG100 [derogatory.insults] YAML syntax: the document is malformed after this point (an unclosed bracket or quote?)");
    }
}
