using System.Text.Json.Nodes;

namespace PostGuard.Cli.Tests.Acceptance;

public class AcceptanceTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateWorkspace()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pg-accept-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteWorkspace() => Directory.Delete(_dir, recursive: true);

    private CliResult Check(params string[] args)
        => new CliRun { WorkingDirectory = _dir, Environment = { ["USER"] = "ci-bot" } }.Run(["check", "--rules", Path.Combine(CliRun.Fixtures, "pack"), .. args]);

    private void Post(string name, string body) => File.WriteAllText(Path.Combine(_dir, name), body);

    private static JsonObject FirstFinding(CliResult run) => run.Json["results"]![0]!["findings"]![0]!.AsObject();

    [Test]
    public void WriteBaseline_ThenBaseline_MarksTheFindingAcceptedAndApproves()
    {
        Post("a.txt", "That was a stupid idea.");
        var write = Check("--format", "json", "--write-baseline", "baseline.json", "--reason", "quoting a parent", "a.txt");
        var baseline = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "baseline.json")))!;
        var run = Check("--format", "json", "--baseline", "baseline.json", "a.txt");

        write.ExitCode.Should().Be(0);
        write.Stderr.Should().Contain("wrote 1 accepted finding to baseline.json");
        var entry = baseline["accepted"]![0]!.AsObject();
        ((string?)entry["draft"]).Should().Be("a");
        ((string?)entry["rule"]).Should().Be("derogatory.insult");
        ((string?)entry["excerptSha256"]).Should().MatchRegex("^[0-9a-f]{64}$");
        ((string?)entry["acceptedBy"]).Should().Be("ci-bot");
        ((string?)entry["acceptedAt"]).Should().StartWith("2025-06-01T12:00:00");
        File.ReadAllText(Path.Combine(_dir, "baseline.json")).Should().NotContain("stupid");

        run.ExitCode.Should().Be(0);
        var result = run.Json["results"]![0]!.AsObject();
        ((string?)result["decision"]).Should().Be("approve");
        ((string?)result["engineDecision"]).Should().Be("reject");
        FirstFinding(run)["accepted"]!.ToJsonString().Should().Be("""{"by":"ci-bot","reason":"quoting a parent","source":"baseline"}""");
    }

    [Test]
    public void Baseline_ChangedExcerpt_IsANewFinding()
    {
        Post("a.txt", "That was a stupid idea.");
        Check("--write-baseline", "baseline.json", "--accepted-by", "Ms Head", "a.txt");
        Post("a.txt", "That was a STUPID  idea, really stupider.");
        var sameNormalised = Check("--format", "json", "--baseline", "baseline.json", "a.txt");
        Post("a.txt", "Such stup1d behaviour.");
        var changed = Check("--format", "json", "--baseline", "baseline.json", "a.txt");

        sameNormalised.ExitCode.Should().Be(0, "case and spacing are normalised away");
        changed.ExitCode.Should().Be(2);
        FirstFinding(changed).ContainsKey("accepted").Should().BeFalse();
    }

    [Test]
    public void Baseline_ExpiredEntry_DoesNotApply()
    {
        Post("a.txt", "That was a stupid idea.");
        Check("--write-baseline", "baseline.json", "--expires", "2025-05-31", "a.txt");
        var expired = Check("--format", "json", "--baseline", "baseline.json", "a.txt");
        Check("--write-baseline", "baseline2.json", "--expires", "2025-06-01", "a.txt");
        var lastDay = Check("--format", "json", "--baseline", "baseline2.json", "a.txt");

        expired.ExitCode.Should().Be(2);
        lastDay.ExitCode.Should().Be(0);
    }

    [Test]
    public void Baseline_NotAcceptableRuleThatRejects_IsNeverAccepted()
    {
        Post("a.txt", "Ring 07700 900123.");
        var write = Check("--write-baseline", "baseline.json", "a.txt");
        var run = Check("--format", "json", "--baseline", "baseline.json", "a.txt");

        write.Stderr.Should().Contain("wrote 0 accepted findings");
        run.ExitCode.Should().Be(2);
        FirstFinding(run).ContainsKey("accepted").Should().BeFalse();
    }

    [Test]
    public void Inline_AcceptedReview_ApprovesButNotAcceptableRejectStays()
    {
        var review = CliRun.CheckWith("--format", "json", "--fail-on", "review", "accept/review.md");
        var mixed = CliRun.CheckWith("--format", "json", "accept/inline.md");

        review.ExitCode.Should().Be(0);
        FirstFinding(review)["accepted"]!.ToJsonString().Should().Be("""{"by":"Head of Comms","reason":"Mr Jones asked us to share this.","source":"inline"}""");
        mixed.ExitCode.Should().Be(2);
        ((string?)mixed.Json["results"]![0]!["decision"]).Should().Be("reject");
        mixed.Stderr.Should().Contain("confidential.phone in 'inline' cannot be accepted");
        var findings = mixed.Json["results"]![0]!["findings"]!.AsArray().Select(f => f!.AsObject()).ToList();
        findings.Single(f => (string?)f["ruleId"] == "confidential.phone").ContainsKey("accepted").Should().BeFalse();
        findings.Single(f => (string?)f["ruleId"] == "personal-schedule.holiday").ContainsKey("accepted").Should().BeTrue();
    }

    [Test]
    public void Sarif_AcceptedFindings_HaveSuppressions()
    {
        Post("a.txt", "That was a stupid idea.");
        Check("--write-baseline", "baseline.json", "a.txt");
        var baseline = Check("--format", "sarif", "--baseline", "baseline.json", "a.txt");
        var inline = CliRun.CheckWith("--format", "sarif", "accept/review.md");

        var external = baseline.Json["runs"]![0]!["results"]![0]!["suppressions"]![0]!;
        ((string?)external["kind"]).Should().Be("external");
        ((string?)external["justification"]).Should().Be("accepted by ci-bot");
        var inSource = inline.Json["runs"]![0]!["results"]![0]!["suppressions"]![0]!;
        ((string?)inSource["kind"]).Should().Be("inSource");
        ((string?)inSource["justification"]).Should().Be("accepted by Head of Comms: Mr Jones asked us to share this.");
    }

    [Test]
    public void GitHub_AcceptedFindings_AreNotAnnotated()
    {
        var run = CliRun.CheckWith("--format", "github", "accept/review.md");

        run.StdoutLines.Should().Equal("postguard: 1 draft: 1 approve, 0 review, 0 reject; 1 accepted finding not annotated");
    }

    [Test]
    public void Baseline_InvalidFile_OneLineAndExit3()
    {
        Post("baseline.json", "{ not json");
        Post("a.txt", "fine");
        var run = Check("--baseline", "baseline.json", "a.txt");

        run.ExitCode.Should().Be(3);
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("baseline.json:1: error: invalid baseline JSON");
    }
}
