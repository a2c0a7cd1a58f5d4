namespace PostGuard.Cli.Tests.Commands;

public class ExitCodeTests
{
    // j1 rejects (derogatory.insult), plain.md reviews, note.txt approves
    [TestCase("drafts/note.txt", null, 0)]
    [TestCase("drafts/plain.md", null, 0)]
    [TestCase("drafts/batch.jsonl", null, 2)]
    [TestCase("drafts/note.txt", "review", 0)]
    [TestCase("drafts/plain.md", "review", 1)]
    [TestCase("drafts/batch.jsonl", "review", 2)]
    [TestCase("drafts/plain.md", "reject", 0)]
    [TestCase("drafts/batch.jsonl", "reject", 2)]
    [TestCase("drafts/batch.jsonl", "never", 0)]
    [TestCase("drafts/plain.md", "never", 0)]
    public void Check_FailOn_DecidesTheExitCode(string path, string? failOn, int expected)
    {
        string[] args = failOn is null ? ["--format", "json", path] : ["--format", "json", "--fail-on", failOn, path];

        CliRun.CheckWith(args).ExitCode.Should().Be(expected);
    }

    [Test]
    public void Check_DefaultFailOnWithAReview_StillReportsTheReview()
    {
        var run = CliRun.CheckWith("--format", "json", "drafts/plain.md");

        run.ExitCode.Should().Be(0);
        ((int)run.Json["summary"]!["review"]!).Should().Be(1);
    }

    [Test]
    public void Check_InvalidFailOn_IsAUsageError()
        => CliRun.CheckWith("--fail-on", "sometimes", "drafts/plain.md").ExitCode.Should().Be(3);
}
