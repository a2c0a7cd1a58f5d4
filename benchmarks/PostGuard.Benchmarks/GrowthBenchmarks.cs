using BenchmarkDotNet.Attributes;
using PostGuard.Cli.Bench;
using PostGuard.Rules;

namespace PostGuard.Benchmarks;

/// <summary>
/// Per-draft time as the pack grows: a pack of one terms rule with 10, 1,000 or 10,000 generated terms (no classifier,
/// no register, so the terms are all that changes), over the bundled samples. The trie should keep it nearly flat;
/// the naive engine grows with the number of terms.
/// </summary>
[Config(typeof(BenchConfig))]
[BenchmarkCategory("term-growth")]
public class TermGrowthBenchmarks
{
    private PostGuardEngine _engine = null!;
    private NaiveEngine _naive = null!;
    private Draft[] _drafts = null!;

    [Params(10, 1_000, 10_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = QuickBench.BuildEngine(TermPackGenerator.Create(Terms), classifier: false);
        _naive = NaiveEngine.ForTerms(TermPackGenerator.Terms(Terms));
        _drafts = [.. BenchCorpus.Samples];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 56)]
    public int Floor() => Drafts.Floor(_drafts);

    [Benchmark(OperationsPerInvoke = 56)]
    public int Naive() => Drafts.Naive(_naive, _drafts);

    [Benchmark(OperationsPerInvoke = 56)]
    public int Engine() => Drafts.Check(_engine, _drafts);
}

/// <summary>
/// Per-draft time as the consent register grows: 100, 2,000 and 50,000 generated pupils, with the default pack, the
/// sample profile and the classifier, over the bundled samples. The name trie should keep it nearly flat; the naive
/// engine (one regex per distinct name) grows with the register.
/// </summary>
[Config(typeof(BenchConfig))]
[BenchmarkCategory("consent-growth")]
public class ConsentGrowthBenchmarks
{
    private PostGuardEngine _engine = null!;
    private NaiveEngine _naive = null!;
    private Draft[] _drafts = null!;

    [Params(100, 2_000, 50_000)]
    public int Pupils { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var register = RegisterGenerator.Create(Pupils);
        _engine = QuickBench.BuildEngine(register: register);
        _naive = NaiveEngine.Create(RulePack.LoadDefault(), register);
        _drafts = [.. BenchCorpus.Samples];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 56)]
    public int Floor() => Drafts.Floor(_drafts);

    [Benchmark(OperationsPerInvoke = 56)]
    public int Naive() => Drafts.Naive(_naive, _drafts);

    [Benchmark(OperationsPerInvoke = 56)]
    public int Engine() => Drafts.Check(_engine, _drafts);
}

/// <summary>Loops over a set of drafts (the growth benchmarks' <c>OperationsPerInvoke</c> is its size).</summary>
internal static class Drafts
{
    public static int Floor(Draft[] drafts)
    {
        if (drafts.Length != 56)
        {
            throw new InvalidOperationException("OperationsPerInvoke assumes the 56 bundled samples");
        }

        int read = 0;
        foreach (var d in drafts)
        {
            read += FloorScan.Scan(d);
        }

        return read;
    }

    public static int Naive(NaiveEngine naive, Draft[] drafts)
    {
        int matches = 0;
        foreach (var d in drafts)
        {
            matches += naive.Evaluate(d);
        }

        return matches;
    }

    public static int Check(PostGuardEngine engine, Draft[] drafts)
    {
        int findings = 0;
        foreach (var d in drafts)
        {
            findings += engine.Evaluate(d).Findings.Count;
        }

        return findings;
    }
}
