using PostGuard.Classification;
using PostGuard.Text;

namespace PostGuard.Core.Tests.Classification.Fairness;

/// <summary>
/// Neutral sentences that mention identities, and counter-speech, must not be flagged for review.
/// The sentences are in <c>identity-neutral.txt</c> next to this file.
/// </summary>
public class FairnessTests
{
    /// <summary>Every sentence must score below this share of the review threshold ("well below").</summary>
    private const double MaxShareOfReview = 0.8;

    public static IEnumerable<TestCaseData> Sentences() => Read("identity-neutral.txt", nameof(Score_NeutralIdentitySentence_WellBelowReview));

    public static IEnumerable<TestCaseData> QuotingSlurs() => Read("counter-speech-quoting-slurs.txt", "quoting");

    private static IEnumerable<TestCaseData> Read(string file, string testName)
    {
        string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Classification", "Fairness", file);
        foreach (string line in File.ReadAllLines(path))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return new TestCaseData(line).SetName($"{testName}({Shorten(line)})");
            }
        }
    }

    [Test]
    public void FairnessSet_HasAtLeastSixtySentences_NoneInTrainingSupplement()
    {
        var sentences = Sentences().Select(c => (string)c.Arguments[0]!).ToList();
        var quoting = QuotingSlurs().Select(c => (string)c.Arguments[0]!).ToList();
        var supplement = ToxicityTraining.ReadSupplement().Select(r => r.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);

        sentences.Should().HaveCountGreaterThanOrEqualTo(60);
        sentences.Should().OnlyHaveUniqueItems();
        sentences.Concat(quoting).Where(supplement.Contains).Should().BeEmpty("the fairness sets are held out from training");
    }

    [TestCaseSource(nameof(Sentences))]
    public void Score_NeutralIdentitySentence_WellBelowReview(string sentence)
    {
        var classifier = LinearToxicityClassifier.Default;

        double score = classifier.Score(TextNormalizer.SkeletonText(sentence));

        score.Should().BeLessThan(classifier.ReviewThreshold * MaxShareOfReview,
            $"'{sentence}' is neutral (review threshold {classifier.ReviewThreshold:0.000})");
    }

    /// <summary>
    /// Known limitation (docs/classifier.md): counter-speech that quotes a slur contains the slur's n-grams, so the
    /// model may send it to review and, for one sentence of six today, even to reject. This pins that at most one
    /// reaches reject, so a model that gets worse here fails.
    /// </summary>
    [Test]
    public void Score_CounterSpeechQuotingSlurs_AtMostOneReachesReject()
    {
        var classifier = LinearToxicityClassifier.Default;
        var scores = QuotingSlurs()
            .Select(c => (string)c.Arguments[0]!)
            .Select(s => (Text: s, Score: classifier.Score(TextNormalizer.SkeletonText(s))))
            .ToList();

        foreach (var (text, score) in scores)
        {
            TestContext.Out.WriteLine($"{score:0.0000}  {text}");
        }

        scores.Should().HaveCountGreaterThanOrEqualTo(6);
        scores.Count(x => x.Score >= classifier.RejectThreshold).Should().BeLessThanOrEqualTo(1);
    }

    [Test]
    public void Score_FairnessSet_MaxAndMeanReported()
    {
        var classifier = LinearToxicityClassifier.Default;
        var scores = Sentences()
            .Select(c => (Text: (string)c.Arguments[0]!, Score: classifier.Score(TextNormalizer.SkeletonText((string)c.Arguments[0]!))))
            .OrderByDescending(x => x.Score)
            .ToList();

        TestContext.Out.WriteLine($"review {classifier.ReviewThreshold:0.0000}, reject {classifier.RejectThreshold:0.0000}; max {scores[0].Score:0.0000}, mean {scores.Average(x => x.Score):0.0000}");
        foreach (var (text, score) in scores.Take(10))
        {
            TestContext.Out.WriteLine($"{score:0.0000}  {text}");
        }

        scores.Average(x => x.Score).Should().BeLessThan(classifier.ReviewThreshold / 2);
    }

    private static string Shorten(string s) => s.Length <= 48 ? s : s[..48] + "...";
}
