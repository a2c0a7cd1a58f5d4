using PostGuard.Classification;

namespace PostGuard.Core.Tests.Classification;

public class ToxicityTrainingTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"pg-train-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static readonly TrainingOptions s_small = new()
    {
        Features = new FeatureSettings { HashBits = 12, CharNgramMin = 3, CharNgramMax = 4 },
        Epochs = 3,
        BatchSize = 16,
        UseSupplement = false,
    };

    /// <summary>A small synthetic data set: sentences built from a toxic or a neutral word list.</summary>
    private static string Generated(int rows, int seed)
    {
        string[] toxic = ["idiot", "stupid", "moron", "loser", "pathetic", "ugly"];
        string[] neutral = ["lovely", "class", "trip", "reading", "garden", "music"];
        string[] filler = ["the", "our", "today", "year", "four", "school", "was", "very"];
        string[] sources = ["alpha", "beta"];
        var rng = new Random(seed);
        var lines = new List<string> { ToxicityTsv.Header };
        for (int i = 0; i < rows; i++)
        {
            int label = rng.Next(2);
            var words = new List<string>();
            for (int k = 0; k < 6; k++)
            {
                words.Add(filler[rng.Next(filler.Length)]);
            }

            words.Insert(rng.Next(words.Count), (label == 1 ? toxic : neutral)[rng.Next(6)]);
            lines.Add($"{label}\t{sources[i % 2]}\t{string.Join(' ', words)} {i}");
        }

        return string.Join('\n', lines) + "\n";
    }

    private (string Train, string Dev) WriteData()
    {
        string train = Path.Combine(_dir, "train.tsv");
        string dev = Path.Combine(_dir, "dev.tsv");
        File.WriteAllText(train, Generated(400, 1));
        File.WriteAllText(dev, Generated(100, 2));
        return (train, dev);
    }

    [Test]
    public void Train_SameSeed_SameModelBytes()
    {
        var (train, dev) = WriteData();
        string a = Path.Combine(_dir, "a.model");
        string b = Path.Combine(_dir, "b.model");
        string c = Path.Combine(_dir, "c.model");

        ToxicityTraining.Train(train, dev, a, TextWriter.Null, s_small).Should().Be(0);
        ToxicityTraining.Train(train, dev, b, TextWriter.Null, s_small).Should().Be(0);
        ToxicityTraining.Train(train, dev, c, TextWriter.Null, s_small with { Threads = 1 }).Should().Be(0);

        File.ReadAllBytes(b).Should().Equal(File.ReadAllBytes(a));
        File.ReadAllBytes(c).Should().Equal(File.ReadAllBytes(a), "the thread count must not change the result");
    }

    [Test]
    public void Train_DifferentSeed_DifferentWeights()
    {
        var (train, dev) = WriteData();
        string a = Path.Combine(_dir, "a.model");
        string b = Path.Combine(_dir, "b.model");

        ToxicityTraining.Train(train, dev, a, TextWriter.Null, s_small);
        ToxicityTraining.Train(train, dev, b, TextWriter.Null, s_small with { Seed = 99 });

        LinearToxicityClassifier.LoadFile(b).Model.Weights.Should().NotEqual(LinearToxicityClassifier.LoadFile(a).Model.Weights);
    }

    [Test]
    public void Train_GeneratedData_LearnsAndReportsProgress()
    {
        var (train, dev) = WriteData();
        string model = Path.Combine(_dir, "m.model");
        var output = new StringWriter();

        int code = ToxicityTraining.Train(train, dev, model, output, s_small);

        code.Should().Be(0, output.ToString());
        output.ToString().Should().Contain("epoch 1/3").And.Contain("epoch 3/3").And.Contain("thresholds: review");
        var classifier = LinearToxicityClassifier.LoadFile(model);
        classifier.Model.Metric("dev.roc_auc").Should().BeGreaterThan(0.95);
        classifier.Score("you stupid idiot").Should().BeGreaterThan(classifier.Score("a lovely trip"));
        classifier.Model.Metric("dev.alpha.roc_auc").Should().NotBeNull();
    }

    [Test]
    public void Eval_Model_PrintsMetricsOverallAndPerSource()
    {
        var (train, dev) = WriteData();
        string model = Path.Combine(_dir, "m.model");
        ToxicityTraining.Train(train, dev, model, TextWriter.Null, s_small);
        var output = new StringWriter();

        int code = ToxicityTraining.Eval(model, dev, output);

        code.Should().Be(0, output.ToString());
        string text = output.ToString();
        text.Should().Contain("ROC-AUC").And.Contain("macro-F1").And.Contain("overall").And.Contain("alpha").And.Contain("beta");
        text.Should().Contain("TP").And.Contain("FN");
    }

    [TestCase("label\tsource\ttext\n2\tolid\thello\n", ":2: label must be 0 or 1, found '2'")]
    [TestCase("label\tsource\ttext\n1\tolid hello\n", ":2: expected 3 tab-separated fields")]
    [TestCase("label,source,text\n1,olid,hello\n", ":1: expected the header")]
    [TestCase("label\tsource\ttext\n1\tolid\tfine\n0\t\thello\n", ":3: the source field is empty")]
    [TestCase("label\tsource\ttext\n1\tolid\t  \n", ":2: the text field is empty")]
    [TestCase("", ":1: empty file")]
    public void Train_BadTsv_ErrorNamesFileAndLine(string content, string expected)
    {
        string bad = Path.Combine(_dir, "bad.tsv");
        File.WriteAllText(bad, content);
        var (_, dev) = WriteData();
        var output = new StringWriter();

        int code = ToxicityTraining.Train(bad, dev, Path.Combine(_dir, "m.model"), output, s_small);

        code.Should().Be(1);
        output.ToString().Should().StartWith($"error: {bad}{expected}");
    }

    [Test]
    public void Eval_MissingModel_ReturnsErrorCode()
    {
        var (_, dev) = WriteData();
        var output = new StringWriter();

        int code = ToxicityTraining.Eval(Path.Combine(_dir, "missing.model"), dev, output);

        code.Should().Be(1);
        output.ToString().Should().StartWith("error:");
    }

    [Test]
    public void ExampleWeights_BalancesClassesWithinEachSource()
    {
        var rows = new List<LabeledText>
        {
            new(1, "a", "x", 2), new(1, "a", "x", 3), new(1, "a", "x", 4), new(0, "a", "x", 5),
            new(1, "b", "x", 6), new(0, "b", "x", 7),
        };

        var w = ToxicityTraining.ExampleWeights(rows, new TrainingOptions());

        (w[0] + w[1] + w[2]).Should().BeApproximately(w[3], 1e-9);
        w[4].Should().BeApproximately(w[5], 1e-9);
        w.Average().Should().BeApproximately(1, 1e-9);
    }

    [Test]
    public void PickThresholds_FollowTheRule()
    {
        // toxic rows score 0.9, 0.8, 0.7, 0.2; clean rows 0.75, 0.3, 0.1, 0.05
        double[] scores = [0.9, 0.8, 0.7, 0.2, 0.75, 0.3, 0.1, 0.05];
        var rows = scores.Select((_, i) => new LabeledText(i < 4 ? 1 : 0, "s", "x", i + 2)).ToList();
        var weights = Enumerable.Repeat(1.0, 8).ToArray();

        var (review, reject) = ToxicityTraining.PickThresholds(scores, rows, weights, reviewRecall: 0.75, rejectPrecision: 0.9);

        review.Should().Be(0.7, "the highest threshold still flagging 3 of 4 toxic rows");
        reject.Should().Be(0.8, "the lowest threshold at which precision reaches 0.9");
    }
}
