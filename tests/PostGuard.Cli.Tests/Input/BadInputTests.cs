namespace PostGuard.Cli.Tests.Input;

public class BadInputTests
{
    [Test]
    public void Check_MalformedFrontMatter_ErrorNamesFileAndLineAndOthersAreChecked()
    {
        var run = CliRun.CheckWith("--format", "json", "bad/broken-front-matter.md", "bad/good.md");

        run.StderrLines.Should().ContainSingle(l => l.StartsWith("bad/broken-front-matter.md:4:1: error: malformed front matter", StringComparison.Ordinal));
        run.Json["results"]!.AsArray().Select(r => (string?)r!["id"]).Should().Equal("good");
        run.Json["errors"]!.AsArray().Should().HaveCount(1);
        run.ExitCode.Should().Be(3);
    }

    [Test]
    public void Check_UnclosedFrontMatter_ErrorNamesLine1()
    {
        var run = CliRun.CheckWith("--format", "json", "bad/unclosed.md", "bad/good.md");

        run.StderrLines.Should().Equal("bad/unclosed.md:1: error: malformed front matter: the '---' block opened on line 1 is never closed with a '---' line");
        run.Json["results"]!.AsArray().Should().HaveCount(1);
    }

    [Test]
    public void Check_CsvRowMissingTheMessageColumn_ErrorNamesTheLineAndOtherRowsAreChecked()
    {
        var run = CliRun.CheckWith("--format", "json", "bad/short-row.csv");

        run.StderrLines.Should().Equal("bad/short-row.csv:2: error: the row has 1 column; the message is column 2");
        run.Json["results"]!.AsArray().Select(r => (string?)r!["id"]).Should().Equal("short-row.csv:1", "short-row.csv:3");
        run.Json["results"]![0]!["decision"]!.GetValue<string>().Should().Be("reject");
        run.ExitCode.Should().Be(3);
    }

    [Test]
    public void Check_CsvHeaderMissingAMappedColumn_ErrorNamesTheColumnAndOtherFilesAreChecked()
    {
        var run = CliRun.CheckWith("--format", "json", "--csv-columns", "scheduled=Publish At,body=Message", "custom/buffer.csv", "bad/good.md");

        run.StderrLines.Should().Equal("custom/buffer.csv:1: error: the header has no column 'Message' (body); its columns are 'Text', 'Publish At', 'URL', 'Image'");
        run.Json["results"]!.AsArray().Select(r => (string?)r!["id"]).Should().Equal("good");
        run.ExitCode.Should().Be(3);
    }

    [Test]
    public void Check_InvalidJsonLine_ErrorNamesTheLineAndOtherLinesAreChecked()
    {
        var run = CliRun.CheckWith("--format", "json", "bad/lines.jsonl");

        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("bad/lines.jsonl:2: error: invalid JSON");
        run.Json["results"]!.AsArray().Select(r => (string?)r!["id"]).Should().Equal("ok1", "ok3");
        run.ExitCode.Should().Be(3);
    }

    [Test]
    public void Check_BadInputsInTextFormat_OtherDraftsAreStillReported()
    {
        var run = CliRun.CheckWith("bad");

        run.StderrLines.Should().HaveCount(4);
        run.Stdout.Should().Contain("(ok1)").And.Contain("(ok3)").And.Contain("(good)").And.Contain("(short-row.csv:1)");
        run.Stdout.Should().Contain("4 input errors (on stderr)");
        run.ExitCode.Should().Be(3);
    }

    [Test]
    public void Check_MissingFile_OneLineAndExit3()
    {
        var run = CliRun.CheckWith("no-such-post.md");

        run.StderrLines.Should().Equal("no-such-post.md: error: no such file or folder");
        run.ExitCode.Should().Be(3);
    }

    [Test]
    public void Check_UnreadableRulePack_OneLineAndExit3()
    {
        var run = new CliRun().Run("check", "--rules", "no-such-pack", "drafts/note.txt");

        run.StderrLines.Should().ContainSingle().Which.Should().Contain("no-such-pack").And.Contain("does not exist");
        run.Stderr.Should().NotContain("   at ");
        run.ExitCode.Should().Be(3);
    }

    [Test]
    public void Check_InvalidCsvColumnsSpec_OneLineAndExit3()
    {
        var run = CliRun.CheckWith("--csv-columns", "bodyText", "drafts/hootsuite.csv");

        run.StderrLines.Should().Equal("postguard: --csv-columns: 'bodyText' is not target=column (e.g. body=Text)");
        run.ExitCode.Should().Be(3);
    }

    [Test]
    public void Check_UnknownOption_UsageErrorExit3()
    {
        var run = CliRun.CheckWith("--frmat", "json", "drafts/note.txt");

        run.Stderr.Should().Contain("--frmat");
        run.ExitCode.Should().Be(3);
    }
}
