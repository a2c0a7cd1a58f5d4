using BenchmarkDotNet.Attributes;
using PostGuard.Cli.Bench;
using PostGuard.Rules;

namespace PostGuard.Benchmarks;

/// <summary>
/// 10,000 drafts (the bundled samples, over and over) through one shared engine with the default pack, the sample
/// profile, a 2,000-pupil register and the classifier: one after another, and in parallel on all cores. Every row is
/// the time per draft (<c>OperationsPerInvoke</c>), so drafts per second is 1 / Mean. The naive engine runs over the
/// samples once per invocation (the same mix of drafts; 10,000 would take minutes).
/// </summary>
[Config(typeof(BenchConfig))]
[BenchmarkCategory("throughput")]
public class ThroughputBenchmarks
{
    private const int Drafts = 10_000;
    private const int Samples = 56;

    private PostGuardEngine _engine = null!;
    private NaiveEngine _naive = null!;
    private Draft[] _drafts = null!;
    private Draft[] _samples = null!;
    private Verdict[] _verdicts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var register = RegisterGenerator.Create(2_000);
        _engine = QuickBench.BuildEngine(register: register);
        _naive = NaiveEngine.Create(RulePack.LoadDefault(), register);
        _samples = [.. BenchCorpus.Samples];
        if (_samples.Length != Samples)
        {
            throw new InvalidOperationException($"expected {Samples} sample drafts, found {_samples.Length}: update Samples");
        }

        _drafts = BenchCorpus.Cycle(_samples, Drafts);
        _verdicts = new Verdict[Drafts];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Drafts)]
    public int Floor()
    {
        int read = 0;
        foreach (var draft in _drafts)
        {
            read += FloorScan.Scan(draft);
        }

        return read;
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public int NaiveSequential()
    {
        int matches = 0;
        foreach (var draft in _samples)
        {
            matches += _naive.Evaluate(draft);
        }

        return matches;
    }

    [Benchmark(OperationsPerInvoke = Drafts)]
    public Verdict[] Sequential()
    {
        for (int i = 0; i < _drafts.Length; i++)
        {
            _verdicts[i] = _engine.Evaluate(_drafts[i]);
        }

        return _verdicts;
    }

    [Benchmark(OperationsPerInvoke = Drafts)]
    public Verdict[] Parallel()
    {
        System.Threading.Tasks.Parallel.For(0, _drafts.Length, i => _verdicts[i] = _engine.Evaluate(_drafts[i]));
        return _verdicts;
    }
}
