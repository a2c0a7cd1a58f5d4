using PostGuard.Cli.Bench;

namespace PostGuard.Cli.Tests.Commands;

public class BenchCommandTests
{
    private static readonly string[] s_keys =
        ["medianMicroseconds", "p99Microseconds", "draftsPerSecond", "allocatedBytesPerDraft", "naiveRatio", "floorRatio"];

    [Test]
    public void Bench_TinyRun_PrintsOneJsonObjectWithTheSixFigures()
    {
        var run = new CliRun().Run("bench", "--seconds", "0.3", "--pupils", "100");

        run.ExitCode.Should().Be(0, run.Stderr);
        var json = run.Json;
        foreach (string key in s_keys)
        {
            json.ContainsKey(key).Should().BeTrue(key);
            double value = json[key]!.GetValue<double>();
            double.IsFinite(value).Should().BeTrue(key);
            value.Should().BeGreaterThan(0, key);
        }

        json["p99Microseconds"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(json["medianMicroseconds"]!.GetValue<double>());
        json["drafts"]!.GetValue<int>().Should().Be(BenchCorpus.Samples.Count);
        json["registerPupils"]!.GetValue<int>().Should().Be(100);
    }

    [Test]
    public void Bench_DraftsFile_MeasuresThoseDrafts()
    {
        string file = Path.Combine(Path.GetTempPath(), $"pg-bench-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(file,
        [
            """{"id":"a","body":"Well done to Year 4 for a brilliant sports day!"}""",
            """{"id":"b","body":"Text Mrs Carter on 07700 900123 if you can help."}""",
        ]);
        try
        {
            var run = new CliRun().Run("bench", "--drafts", file, "--seconds", "0.2", "--pupils", "100");

            run.ExitCode.Should().Be(0, run.Stderr);
            run.Json["drafts"]!.GetValue<int>().Should().Be(2);
            run.Json["naiveRatio"]!.GetValue<double>().Should().BeGreaterThan(0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Bench_SecondsNotPositive_Exits3()
    {
        var run = new CliRun().Run("bench", "--seconds", "0");

        run.ExitCode.Should().Be(3);
        run.StderrLines.Should().Equal("postguard: --seconds must be more than 0 and at most 3600");
    }

    [Test]
    public void Corpus_PostsBuiltFromSamples_HaveTheirLengthsAndDecisions()
    {
        var engine = QuickBench.BuildEngine(register: RegisterGenerator.Create(2_000));

        BenchCorpus.Clean280.Body.Length.Should().BeInRange(200, BenchCorpus.ShortLength);
        BenchCorpus.Violating280.Body.Length.Should().BeInRange(200, BenchCorpus.ShortLength);
        BenchCorpus.Newsletter.Body.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(BenchCorpus.NewsletterWords);
        engine.Evaluate(BenchCorpus.Clean280).Decision.Should().Be(Decision.Approve);
        var violating = engine.Evaluate(BenchCorpus.Violating280);
        violating.Decision.Should().Be(Decision.Reject);
        violating.Findings.Select(f => f.RuleId).Distinct().Should().HaveCountGreaterThanOrEqualTo(2);
    }

    [Test]
    public void RegisterGenerator_SameSize_SameRegister()
    {
        RegisterGenerator.Csv(500).Should().Be(RegisterGenerator.Csv(500));
        RegisterGenerator.Create(50_000).Count.Should().Be(50_000);
    }

    [Test]
    public void NaiveEngine_DefaultPackAndRegister_FindsTermsPatternsAndNames()
    {
        var naive = NaiveEngine.Create(PostGuard.Rules.RulePack.LoadDefault(), RegisterGenerator.Create(100));

        naive.TermCount.Should().BeGreaterThan(100);
        naive.PatternCount.Should().BeGreaterThan(5);
        naive.NameCount.Should().BeGreaterThan(50);
        naive.Evaluate(BenchCorpus.Violating280).Should().BeGreaterThan(0);
        FloorScan.Scan(BenchCorpus.Clean280).Should().Be(BenchCorpus.Clean280.Body.Length);
    }
}
