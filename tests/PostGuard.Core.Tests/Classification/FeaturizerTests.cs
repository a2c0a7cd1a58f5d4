using PostGuard.Classification;

namespace PostGuard.Core.Tests.Classification;

public class FeaturizerTests
{
    private struct Collector : IFeatureSink
    {
        public List<(int Bucket, FeatureKind Kind, int First, int Last)> Items;

        public void Add(int bucket, FeatureKind kind, int firstToken, int lastToken) => Items.Add((bucket, kind, firstToken, lastToken));
    }

    private static List<(int Bucket, FeatureKind Kind, int First, int Last)> Visit(FeatureSettings settings, string text)
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
    public void Visit_SameNgramInDifferentWords_SameBucket()
    {
        var settings = new FeatureSettings { WordNgramMax = 1, CharNgramMin = 3, CharNgramMax = 3 };

        var items = Visit(settings, "abc xabc").Where(i => i.Kind == FeatureKind.Char).ToList();

        // "^ab", "abc", "bc$" and "^xa", "xab", "abc", "bc$": the rolling key does not depend on the position
        items.Should().HaveCount(7);
        var first = items.Where(i => i.First == 0).Select(i => i.Bucket).ToHashSet();
        var second = items.Where(i => i.First == 1).Select(i => i.Bucket).ToHashSet();
        first.Intersect(second).Should().HaveCount(2);
    }

    [Test]
    public void Visit_LongWord_EveryLengthFromMinToMax()
    {
        var settings = new FeatureSettings { WordNgramMax = 1, CharNgramMin = 3, CharNgramMax = 5 };

        var items = Visit(settings, "abcdefgh").Where(i => i.Kind == FeatureKind.Char).ToList();

        // "^abcdefgh$" has 10 characters: 8 trigrams, 7 four-grams, 6 five-grams
        items.Should().HaveCount(8 + 7 + 6);
        items.Select(i => i.Bucket).Distinct().Should().HaveCount(21, "no collisions among these 21 n-grams in 2^19 buckets with the default seed");
    }

    [Test]
    public void Featurize_RepeatedWord_NormCountsEveryOccurrence()
    {
        var featurizer = new Featurizer(new FeatureSettings { WordNgramMax = 1, CharNgramMax = 0 });

        var (idx, val) = SparseDataset.Featurize(featurizer, "go go stop");

        idx.Should().HaveCount(2);
        val.Max().Should().BeApproximately(2 / MathF.Sqrt(3), 1e-6f, "the vector is (2, 1) divided by sqrt(1 + 1 + 1), one per occurrence");
        val.Min().Should().BeApproximately(1 / MathF.Sqrt(3), 1e-6f);
    }

    [Test]
    public void Validate_BadSettings_Throws()
    {
        var act = () => new Featurizer(new FeatureSettings { HashBits = 30 });

        act.Should().Throw<ArgumentException>().WithMessage("HashBits must be in 10..24*");
        var tooLong = () => new Featurizer(new FeatureSettings { CharNgramMax = 6 });
        tooLong.Should().Throw<ArgumentException>().WithMessage("Character n-grams must satisfy 1 <= min <= max <= 5*");
    }
}
