using System.Text.Json.Nodes;

namespace PostGuard.Cli.Tests.Input;

public class InputTests
{
    private static JsonObject Result(CliResult run, string id)
        => run.Json["results"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["id"] == id);

    private static JsonObject Finding(JsonObject result, string ruleId)
        => result["findings"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string?)f["ruleId"] == ruleId);

    [Test]
    public void Check_MarkdownFindingOnLine12_ReportsFileLine12()
    {
        var run = CliRun.CheckWith("--format", "json", "drafts/trip.md");

        var phone = Finding(Result(run, "trip"), "confidential.phone");
        ((string?)phone["file"]).Should().Be("drafts/trip.md");
        ((int)phone["line"]!).Should().Be(12);
        ((int)phone["column"]!).Should().Be(33);
        ((int)phone["endLine"]!).Should().Be(12);
        ((int)phone["endColumn"]!).Should().Be(45);
        ((string?)phone["field"]).Should().Be("body");
    }

    [Test]
    public void Check_MarkdownFrontMatter_FillsTitleScheduleChannelAndImages()
    {
        var run = CliRun.CheckWith("--format", "json", "--show-excerpts", "drafts/trip.md");

        var mild = Finding(Result(run, "trip"), "derogatory.mild");
        ((string?)mild["field"]).Should().Be("attachments[0].caption");
        ((int)mild["line"]!).Should().Be(8);
        ((int)mild["column"]!).Should().Be(16);
        run.StderrLines.Should().BeEmpty();
    }

    [Test]
    public void Check_MarkdownScheduledDate_IsReadFromFrontMatter()
    {
        // trip.md is dated 2025-06-02T09:00+01:00: inside 48h of the clock (1 June 12:00 UTC)
        var inside = CliRun.CheckWith("--format", "json", "--scheduled-within", "48h", "drafts/trip.md");
        var outside = CliRun.CheckWith("--format", "json", "--scheduled-within", "30m", "drafts/trip.md");

        inside.Json["results"]!.AsArray().Should().HaveCount(1);
        outside.Json["results"]!.AsArray().Should().BeEmpty();
        ((int)outside.Json["summary"]!["outsideWindow"]!).Should().Be(1);
    }

    [Test]
    public void Check_MarkdownWithoutFrontMatter_WholeFileIsTheBody()
    {
        var run = CliRun.CheckWith("--format", "json", "drafts/plain.md");

        var holiday = Finding(Result(run, "plain"), "personal-schedule.holiday");
        ((int)holiday["line"]!).Should().Be(3);
        ((int)holiday["column"]!).Should().Be(13);
        ((string?)holiday["excerpt"]).Should().Be("on holiday");
    }

    [Test]
    public void Check_CsvQuotedMultiLineMessage_ReportsTheLineInsideTheCell()
    {
        var run = CliRun.CheckWith("--format", "json", "drafts/hootsuite.csv");

        var results = run.Json["results"]!.AsArray();
        results.Select(r => (string?)r!["id"]).Should().Equal("hootsuite.csv:1", "hootsuite.csv:2");
        var phone = Finding(Result(run, "hootsuite.csv:2"), "confidential.phone");
        ((int)phone["line"]!).Should().Be(3);
        ((int)phone["column"]!).Should().Be(17);
        ((int)phone["endColumn"]!).Should().Be(29);
        ((int)Result(run, "hootsuite.csv:2")["line"]!).Should().Be(2);
    }

    [Test]
    public void Check_CsvHootsuiteRow_HasScheduleLinkAndImage()
    {
        // 03/06/2025 10:30 UK time (BST) is 09:30 UTC: inside 48h of the clock, 02/06 09:00 BST too
        var run = CliRun.CheckWith("--format", "json", "--scheduled-from", "2025-06-03T00:00:00Z", "drafts/hootsuite.csv");

        run.Json["results"]!.AsArray().Select(r => (string?)r!["id"]).Should().Equal("hootsuite.csv:2");
    }

    [Test]
    public void Check_CsvWithHeaderRow_SkipsTheHeader()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pg-csv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "hs.csv"), "Date (dd/mm/yyyy hh:mm),Message,Link\n02/06/2025 09:00,That was stupid,\n");
        var run = new CliRun { WorkingDirectory = dir }.Run("check", "--rules", Path.Combine(CliRun.Fixtures, "pack"), "--format", "json", "hs.csv");

        run.Json["results"]!.AsArray().Select(r => (string?)r!["id"]).Should().Equal("hs.csv:2");
        run.ExitCode.Should().Be(2);
    }

    [Test]
    public void Check_CsvColumnsOption_MapsOtherSchedulersByHeaderName()
    {
        var run = CliRun.CheckWith("--format", "json", "--csv-columns", "scheduled=Publish At,body=Text,link=URL,image=Image", "custom/buffer.csv");

        var phone = Finding(Result(run, "buffer.csv:2"), "confidential.phone");
        ((int)phone["line"]!).Should().Be(2);
        ((int)phone["column"]!).Should().Be(7);
        run.Json["results"]!.AsArray().Should().HaveCount(2);
    }

    [Test]
    public void Check_CsvColumnsYamlFile_MapsColumnsAndChannel()
    {
        var run = CliRun.CheckWith("--format", "json", "--csv-columns", "custom/layout.yaml", "custom/buffer.csv");

        run.StderrLines.Should().BeEmpty();
        run.Json["results"]!.AsArray().Should().HaveCount(2);
    }

    [Test]
    public void Check_StdinJsonLines_ChecksEachLineWithoutAFile()
    {
        var run = new CliRun { Stdin = "{\"id\":\"a\",\"body\":\"so stupid\"}\n{\"id\":\"b\",\"body\":\"fine\"}\n" }.Check("--format", "json", "-");

        var results = run.Json["results"]!.AsArray();
        results.Select(r => (string?)r!["id"]).Should().Equal("a", "b");
        results[0]!["findings"]![0]!.AsObject().ContainsKey("line").Should().BeFalse();
        run.ExitCode.Should().Be(2);
    }

    [Test]
    public void Check_StdinJsonArray_ChecksEachDraft()
    {
        var run = new CliRun { Stdin = "[{\"id\":\"a\",\"body\":\"fine\"},\n {\"id\":\"b\",\"body\":\"Mrs Khan is on holiday\"}]" }.Check("--format", "json", "-");

        run.Json["results"]!.AsArray().Select(r => (string?)r!["decision"]).Should().Equal("approve", "review");
        run.ExitCode.Should().Be(0);
    }

    [Test]
    public void Check_FolderOfEveryKind_ChecksEveryDraft()
    {
        var run = CliRun.CheckWith("--format", "json", "drafts");

        run.Json["results"]!.AsArray().Select(r => (string?)r!["id"]).Should().BeEquivalentTo(
            "j1", "j2", "hootsuite.csv:1", "hootsuite.csv:2", "note", "plain", "single", "trip");
        run.StderrLines.Should().BeEmpty();
    }

    [Test]
    public void Check_JsonLines_ReportsTheLineOfEachDraft()
    {
        var run = CliRun.CheckWith("--format", "json", "drafts/batch.jsonl");

        var insult = Finding(Result(run, "j1"), "derogatory.insult");
        ((int)insult["line"]!).Should().Be(1);
        ((string?)insult["file"]).Should().Be("drafts/batch.jsonl");
    }
}
