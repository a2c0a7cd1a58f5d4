using BenchmarkDotNet.Attributes;
using PostGuard.Classification;
using PostGuard.Cli.Bench;
using PostGuard.Text;

namespace PostGuard.Benchmarks;

/// <summary>The texts of <see cref="ClassifierBenchmarks"/>.</summary>
public enum ClassifierText
{
    /// <summary>The clean 280-character post.</summary>
    Short280,
    /// <summary>The 5,000-word newsletter's body.</summary>
    Newsletter5000,
}

/// <summary>
/// The shipped toxicity classifier alone (<see cref="LinearToxicityClassifier.Default"/>), scoring the normalised
/// text the engine gives it; beside normalising that text (what the engine does first) and the floor.
/// </summary>
[Config(typeof(BenchConfig))]
[BenchmarkCategory("classifier")]
public class ClassifierBenchmarks
{
    private readonly FieldText _field = new();
    private string _text = null!;
    private string _normalised = null!;
    private LinearToxicityClassifier _classifier = null!;

    [ParamsAllValues]
    public ClassifierText Text { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = Text == ClassifierText.Short280 ? BenchCorpus.Clean280.Body : BenchCorpus.Newsletter.Body;
        _field.Load("body", _text);
        _normalised = _field.SkeletonText.ToString();
        _classifier = LinearToxicityClassifier.Default;
    }

    [Benchmark(Baseline = true)]
    public int Floor() => FloorScan.Scan(_text);

    [Benchmark]
    public int Normalise()
    {
        _field.Load("body", _text);
        return _field.TokenCount;
    }

    [Benchmark]
    public double Score() => _classifier.Score(_normalised);
}
