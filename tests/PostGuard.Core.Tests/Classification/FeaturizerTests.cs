using PostGuard.Classification;

namespace PostGuard.Core.Tests.Classification;

public class FeaturizerTests
{
    private struct Collector : IFeatureSink
    {
        public List<(int Bucket, float Value, int First, int Last)> Items;

        public void Add(int bucket, float value, int firstToken, int lastToken) => Items.Add((bucket, value, firstToken, lastToken));
    }

    private static List<(int Bucket, float Value, int First, int Last)> Visit(FeatureSettings settings, string text)
    {
        var collector = new Collector { Items = [] };
        new Featurizer(settings).Visit(text, ref collector);
        return collector.Items;
    }

    [Test]
    public void Visit_TwoWords_CountsEveryNgram()
    {
        var settings = new FeatureSettings { CharNgramMin = 2, CharNgramMax = 3 };

        var items = Visit(settings, "ab cde");

        // words: 2 unigrams + 1 bigram; "^ab$": 3 bigrams + 2 trigrams; "^cde$": 4 + 3
        items.Should().HaveCount(3 + 5 + 7);
        items.Count(i => i.First != i.Last).Should().Be(1);
        new Featurizer(settings).MaxOccurrences("ab cde").Should().BeGreaterThanOrEqualTo(items.Count);
    }

    [Test]
    public void Visit_ExtraSpaces_SameFeatures()
    {
        var settings = new FeatureSettings();

        Visit(settings, "  you  stupid idiot ").Should().Equal(Visit(settings, "you stupid idiot"));
    }

    [Test]
    public void Visit_DifferentSeeds_DifferentBuckets()
    {
        var a = Visit(new FeatureSettings(), "hello");
        var b = Visit(new FeatureSettings { CharSeed = 12345, UnigramSeed = 678 }, "hello");

        a.Select(i => i.Bucket).Should().NotEqual(b.Select(i => i.Bucket));
    }

    [Test]
    public void Featurize_RepeatedWord_CountsDuplicatesInTheNorm()
    {
        var featurizer = new Featurizer(new FeatureSettings { WordNgramMax = 1, CharNgramMax = 0 });

        var (idx, val) = SparseDataset.Featurize(featurizer, "go go stop");

        idx.Should().HaveCount(2);
        val.Select(v => (double)v * v).Sum().Should().BeApproximately(1, 1e-6);
        val.Max().Should().BeApproximately(2 / MathF.Sqrt(5), 1e-6f, "the vector is (2, 1) / sqrt(5)");
    }

    [Test]
    public void Validate_BadSettings_Throws()
    {
        var act = () => new Featurizer(new FeatureSettings { HashBits = 30 });

        act.Should().Throw<ArgumentException>().WithMessage("HashBits must be in 10..24*");
    }
}
