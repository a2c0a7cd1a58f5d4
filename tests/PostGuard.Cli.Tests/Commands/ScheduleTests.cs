namespace PostGuard.Cli.Tests.Commands;

public class ScheduleTests
{
    // clock: 2025-06-01 12:00 UTC. trip.md 2025-06-02 08:00 UTC; single.json 2025-06-05 09:00 UTC;
    // hootsuite.csv rows 2025-06-02 08:00 and 2025-06-03 09:30 UTC (UK summer time); the rest have no time
    [Test]
    public void Check_ScheduledWithin48h_ChecksOnlyDraftsGoingLiveInTheWindow()
    {
        var run = CliRun.CheckWith("--format", "json", "--scheduled-within", "48h", "drafts");

        run.Json["results"]!.AsArray().Select(r => (string?)r!["id"]).Should().BeEquivalentTo("hootsuite.csv:1", "hootsuite.csv:2", "trip");
        ((int)run.Json["summary"]!["outsideWindow"]!).Should().Be(1);
        ((int)run.Json["summary"]!["unscheduled"]!).Should().Be(4);
        run.Stderr.Should().Contain("4 drafts have no scheduled time");
    }

    [TestCase("7d", 4)]
    [TestCase("30m", 0)]
    [TestCase("2w", 4)]
    public void Check_ScheduledWithinUnits_AreMinutesHoursDaysWeeks(string within, int expected)
        => CliRun.CheckWith("--format", "json", "--scheduled-within", within, "drafts").Json["results"]!.AsArray().Should().HaveCount(expected);

    [Test]
    public void Check_ScheduledFromTo_UsesTheIsoWindow()
    {
        var run = CliRun.CheckWith("--format", "json", "--scheduled-from", "2025-06-03T00:00:00Z", "--scheduled-to", "2025-06-06", "drafts");

        run.Json["results"]!.AsArray().Select(r => (string?)r!["id"]).Should().BeEquivalentTo("hootsuite.csv:2", "single");
    }

    [Test]
    public void Check_IncludeUnscheduled_ChecksUndatedDraftsToo()
    {
        var run = CliRun.CheckWith("--format", "json", "--scheduled-within", "48h", "--include-unscheduled", "drafts");

        run.Json["results"]!.AsArray().Should().HaveCount(7);
        ((int)run.Json["summary"]!["unscheduled"]!).Should().Be(0);
    }

    [Test]
    public void Check_TextWithWindow_SaysWhatWasNotChecked()
        => CliRun.CheckWith("--scheduled-within", "48h", "drafts").Stdout.Should().Contain("not checked: 1 scheduled outside the window, 4 with no scheduled time");

    [TestCase("--scheduled-within", "2 days")]
    [TestCase("--scheduled-from", "next tuesday")]
    public void Check_BadWindow_IsAUsageError(string option, string value)
    {
        var run = CliRun.CheckWith(option, value, "drafts");

        run.ExitCode.Should().Be(3);
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith($"postguard: {option}:");
    }
}
