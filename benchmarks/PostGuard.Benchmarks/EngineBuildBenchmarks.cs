using BenchmarkDotNet.Attributes;
using PostGuard.Cli.Bench;
using PostGuard.Rules;
using PostGuard.Rules.Consent;

namespace PostGuard.Benchmarks;

/// <summary>
/// Building an engine: loading and compiling the default pack (from its embedded YAML), with a 2,000-pupil register
/// (parsing its CSV too), and a generated pack of 10,000 terms; beside building the naive engine from the same input
/// (its regular expressions constructed, not yet run). Build once, reuse: this is start-up cost, not per draft.
/// </summary>
[Config(typeof(BenchConfig))]
public class EngineBuildBenchmarks
{
    private Dictionary<string, string> _defaultFiles = null!;
    private Dictionary<string, string> _termFiles = null!;
    private string[] _terms = null!;
    private string _registerCsv = null!;

    [GlobalSetup]
    public void Setup()
    {
        _defaultFiles = RulePack.DefaultPackFiles().ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        _termFiles = TermPackGenerator.Files(10_000);
        _terms = TermPackGenerator.Terms(10_000);
        _registerCsv = RegisterGenerator.Csv(2_000);
        _ = BenchCorpus.Profile;
    }

    [Benchmark, BenchmarkCategory("default-pack")]
    public PostGuardEngine DefaultPack() => QuickBench.BuildEngine(RulePack.FromFiles(_defaultFiles));

    [Benchmark, BenchmarkCategory("default-pack")]
    public int NaiveDefaultPack() => NaiveEngine.Create(RulePack.FromFiles(_defaultFiles)).RegexCount;

    [Benchmark, BenchmarkCategory("default-pack+register-2000")]
    public PostGuardEngine DefaultPackRegister2000()
        => QuickBench.BuildEngine(RulePack.FromFiles(_defaultFiles), ConsentRegister.Parse(_registerCsv));

    [Benchmark, BenchmarkCategory("default-pack+register-2000")]
    public int NaiveDefaultPackRegister2000() => NaiveEngine.Create(RulePack.FromFiles(_defaultFiles), ConsentRegister.Parse(_registerCsv)).RegexCount;

    [Benchmark, BenchmarkCategory("10k-terms")]
    public PostGuardEngine Pack10kTerms() => QuickBench.BuildEngine(RulePack.FromFiles(_termFiles), classifier: false);

    [Benchmark, BenchmarkCategory("10k-terms")]
    public int Naive10kTerms() => NaiveEngine.ForTerms(_terms).RegexCount;
}
