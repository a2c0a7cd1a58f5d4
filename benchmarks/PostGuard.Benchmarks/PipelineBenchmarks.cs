using BenchmarkDotNet.Attributes;
using PostGuard.Cli.Bench;
using PostGuard.Rules;

namespace PostGuard.Benchmarks;

/// <summary>The drafts of <see cref="PipelineBenchmarks"/>, built from the bundled samples (<see cref="BenchCorpus"/>).</summary>
public enum PostKind
{
    /// <summary>A clean post of at most 280 characters (approve).</summary>
    Clean280,
    /// <summary>A post of at most 280 characters with an access code, a personal mobile number and an insult (reject).</summary>
    Violating280,
    /// <summary>A 5,000-word parents' newsletter.</summary>
    Newsletter5000,
}

/// <summary>
/// One draft through the whole pipeline: normalisation, every rule of the default pack, the sample school profile,
/// a consent register of 2,000 pupils and the shipped toxicity classifier; beside the naive engine (same pack terms,
/// patterns and register names) and the floor, on the same draft.
/// </summary>
[Config(typeof(BenchConfig))]
[BenchmarkCategory("pipeline")]
public class PipelineBenchmarks
{
    private PostGuardEngine _engine = null!;
    private NaiveEngine _naive = null!;
    private Draft _draft = null!;

    [ParamsAllValues]
    public PostKind Post { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var register = RegisterGenerator.Create(2_000);
        _engine = QuickBench.BuildEngine(register: register);
        _naive = NaiveEngine.Create(RulePack.LoadDefault(), register);
        _draft = Post switch
        {
            PostKind.Clean280 => BenchCorpus.Clean280,
            PostKind.Violating280 => BenchCorpus.Violating280,
            _ => BenchCorpus.Newsletter,
        };
    }

    [Benchmark(Baseline = true)]
    public int Floor() => FloorScan.Scan(_draft);

    [Benchmark]
    public int Naive() => _naive.Evaluate(_draft);

    [Benchmark]
    public Verdict Engine() => _engine.Evaluate(_draft);
}
