using System.Text.Json.Nodes;
using PostGuard.Cli.Output;

namespace PostGuard.Cli.Tests.Output;

public class FormatTests
{
    [Test]
    public void Check_SarifFormat_HasTheStructureSarif210Requires()
    {
        var run = CliRun.CheckWith("--format", "sarif", "drafts");
        var log = run.Json;

        // The SARIF 2.1.0 JSON schema cannot be downloaded here, so the structure it requires (and that GitHub code
        // scanning and Azure DevOps read) is written out below: version, $schema, runs[].tool.driver.name and rules,
        // results[].message.text, ruleId, level from the enum, locations[].physicalLocation.artifactLocation.uri and
        // a region whose startLine/startColumn are >= 1.
        ((string?)log["version"]).Should().Be("2.1.0");
        ((string?)log["$schema"]).Should().Be(SarifReport.SchemaUri);
        var runs = log["runs"]!.AsArray();
        runs.Should().HaveCount(1);
        var driver = runs[0]!["tool"]!["driver"]!.AsObject();
        ((string?)driver["name"]).Should().Be("postguard");
        var rules = driver["rules"]!.AsArray().Select(r => r!.AsObject()).ToList();
        rules.Select(r => (string?)r["id"]).Should().BeEquivalentTo("confidential.phone", "personal-schedule.holiday", "derogatory.insult", "derogatory.mild");
        foreach (var rule in rules)
        {
            ((string?)rule["shortDescription"]!["text"]).Should().NotBeNullOrEmpty();
            ((string?)rule["help"]!["text"]).Should().StartWith("Test AUP");
            ((string?)rule["defaultConfiguration"]!["level"]).Should().BeOneOf("none", "note", "warning", "error");
        }

        rules.Single(r => (string?)r["id"] == "confidential.phone")["defaultConfiguration"]!["level"]!.GetValue<string>().Should().Be("error");
        rules.Single(r => (string?)r["id"] == "personal-schedule.holiday")["defaultConfiguration"]!["level"]!.GetValue<string>().Should().Be("warning");
        rules.Single(r => (string?)r["id"] == "derogatory.mild")["defaultConfiguration"]!["level"]!.GetValue<string>().Should().Be("note");

        var results = runs[0]!["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
        results.Should().HaveCount(6);
        foreach (var result in results)
        {
            ((string?)result["ruleId"]).Should().NotBeNullOrEmpty();
            ((int)result["ruleIndex"]!).Should().BeInRange(0, rules.Count - 1);
            ((string?)result["level"]).Should().BeOneOf("none", "note", "warning", "error");
            ((string?)result["message"]!["text"]).Should().NotBeNullOrEmpty();
            var location = result["locations"]!.AsArray().Should().ContainSingle().Subject!["physicalLocation"]!;
            ((string?)location["artifactLocation"]!["uri"]).Should().StartWith("drafts/");
            var region = location["region"]!;
            ((int)region["startLine"]!).Should().BeGreaterThanOrEqualTo(1);
            ((int)region["startColumn"]!).Should().BeGreaterThanOrEqualTo(1);
            ((int)region["endLine"]!).Should().BeGreaterThanOrEqualTo((int)region["startLine"]!);
        }

        var trip = results.Single(r => (string?)r["ruleId"] == "confidential.phone"
            && (string?)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"] == "drafts/trip.md");
        var tripRegion = trip["locations"]![0]!["physicalLocation"]!["region"]!;
        ((int)tripRegion["startLine"]!).Should().Be(12);
        ((int)tripRegion["startColumn"]!).Should().Be(33);
        ((int)tripRegion["endColumn"]!).Should().Be(45);
        ((string?)trip["level"]).Should().Be("error");
        run.ExitCode.Should().Be(2);
    }

    [Test]
    public void Check_SarifFormat_MasksPersonalDataByDefault()
    {
        var run = CliRun.CheckWith("--format", "sarif", "drafts/trip.md");

        run.Stdout.Should().NotContain("07700 900123").And.Contain("07*** *****3");
    }

    [Test]
    public void Check_SarifWithShowExcerpts_ShowsPersonalData()
    {
        var run = CliRun.CheckWith("--format", "sarif", "--show-excerpts", "drafts/trip.md");

        run.Stdout.Should().Contain("07700 900123");
    }

    [Test]
    public void Check_GitHubFormat_WritesEscapedWorkflowCommandsOnTheFileLines()
    {
        var run = CliRun.CheckWith("--format", "github", "drafts/trip.md", "drafts/plain.md");

        var lines = run.StdoutLines;
        lines.Should().Contain("::error file=drafts/trip.md,line=12,col=33,endLine=12,endColumn=45,title=confidential.phone (high) in trip::Contains a personal mobile number. \"07*** *****3\"%0APolicy: Test AUP 4.2: never publish personal phone numbers%0ASuggestion: Give the school office number instead.");
        lines.Should().Contain(l => l.StartsWith("::warning file=drafts/plain.md,line=3,col=13,", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("::notice file=drafts/trip.md,line=8,col=16,", StringComparison.Ordinal));
        lines[^1].Should().Be("postguard: 2 drafts: 0 approve, 1 review, 1 reject");
    }

    [TestCase("50% done\r\nnext", "50%25 done%0D%0Anext")]
    [TestCase("a: b, c", "a: b, c")]
    public void Data_SpecialCharacters_AreEscaped(string value, string expected)
        => GitHubReport.Data(value).Should().Be(expected);

    [TestCase("rule: a, b%", "rule%3A a%2C b%25")]
    [TestCase("line\nbreak", "line%0Abreak")]
    public void Property_ColonsAndCommas_AreEscaped(string value, string expected)
        => GitHubReport.Property(value).Should().Be(expected);

    [Test]
    public void Check_JsonFormat_KeepsVerdictFieldsAndAddsLocations()
    {
        var run = CliRun.CheckWith("--format", "json", "drafts/single.json");
        var result = run.Json["results"]![0]!.AsObject();

        result.Select(p => p.Key).Should().Contain(["id", "decision", "findings", "toxicity", "rulePack", "rulePackHash", "classifierVersion"]);
        var finding = result["findings"]![0]!.AsObject();
        finding.Select(p => p.Key).Should().Contain(["ruleId", "category", "severity", "message", "policy", "field", "start", "length", "excerpt", "file", "line", "column"]);
        ((string?)run.Json["summary"]!["review"]?.ToString()).Should().Be("1");
    }

    [Test]
    public void Check_JsonWithCiTrue_MasksConfidentialExcerptsOnly()
    {
        var run = new CliRun { Environment = { ["CI"] = "true" } }.Check("--format", "json", "drafts/trip.md");
        var findings = run.Json["results"]![0]!["findings"]!.AsArray().Select(f => f!.AsObject()).ToList();

        findings.Single(f => (string?)f["ruleId"] == "confidential.phone")["excerpt"]!.GetValue<string>().Should().Be("07*** *****3");
        findings.Single(f => (string?)f["ruleId"] == "derogatory.mild")["excerpt"]!.GetValue<string>().Should().Be("rubbish");
    }

    [Test]
    public void Check_JsonWithoutCi_ShowsExcerpts()
    {
        var run = CliRun.CheckWith("--format", "json", "drafts/trip.md");

        run.Stdout.Should().Contain("07700 900123");
    }

    [Test]
    public void Check_TextFormat_HighlightsTheExcerptInContextWithRulePolicyAndSuggestion()
    {
        var run = CliRun.CheckWith("drafts/trip.md");

        run.Stdout.Should().Contain(
            """
            REJECT   drafts/trip.md  (trip)
              high   confidential.phone  drafts/trip.md:12:33
                     …r questions call Mrs Patel on 07700 900123 after school. 
                                                    ^^^^^^^^^^^^
                     Contains a personal mobile number.
                     policy: Test AUP 4.2: never publish personal phone numbers
                     suggestion: Give the school office number instead.
            """.ReplaceLineEndings("\n"));
        run.Stdout.Should().Contain("Decision  Drafts").And.Contain("Rule                Severity  Findings  Accepted");
        run.Stdout.Should().NotContain("\u001b[");
    }

    [Test]
    public void Check_TextWithCiTrue_MasksTheExcerptInItsContext()
    {
        var run = new CliRun { Environment = { ["CI"] = "true" } }.Check("drafts/trip.md");

        run.Stdout.Should().Contain("Mrs Patel on 07*** *****3 after school").And.NotContain("900123");
    }

    [Test]
    public void Check_TextOnATerminal_UsesColour()
    {
        var run = new CliRun { Terminal = true }.Check("drafts/trip.md");

        run.Stdout.Should().Contain("\u001b[");
    }

    [Test]
    public void Check_TextOnATerminalWithNoColor_HasNoColour()
    {
        var run = new CliRun { Terminal = true, Environment = { ["NO_COLOR"] = "1" } }.Check("drafts/trip.md");

        run.Stdout.Should().NotContain("\u001b[");
    }

    [Test]
    public void Check_ManyDraftsOnATerminal_ShowsAProgressBarOnStderr()
    {
        string lines = string.Concat(Enumerable.Range(0, 301).Select(i => $"{{\"id\":\"d{i}\",\"body\":\"fine\"}}\n"));
        var run = new CliRun { Terminal = true, Stdin = lines }.Check("--format", "json", "-");

        run.Stderr.Should().Contain("301/301");
        new CliRun { Stdin = lines }.Check("--format", "json", "-").Stderr.Should().BeEmpty();
    }

    [TestCase("Amelia Smith", "Am**** S****")]
    [TestCase("07700 900 123", "07*** *** **3")]
    [TestCase("07700 900123", "07*** *****3")]
    [TestCase("Jo", "J*")]
    [TestCase("j.smith@example.org", "*.s****@e******.o**")]
    public void Mask_PersonalData_KeepsOnlyEnoughToRecognise(string excerpt, string expected)
        => Masking.Mask(excerpt).Should().Be(expected);
}
