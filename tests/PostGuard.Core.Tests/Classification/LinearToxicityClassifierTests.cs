using PostGuard.Classification;
using PostGuard.Text;

namespace PostGuard.Core.Tests.Classification;

public class LinearToxicityClassifierTests
{
    // School-context sentences of our own, none of them in the training supplement.
    private static readonly string[] s_toxic =
    [
        "You are a pathetic idiot and the whole class laughs at you.",
        "Shut up you stupid fat loser.",
        "Our history teacher is a worthless moron.",
        "Go kill yourself, nobody at this school will miss you.",
        "That new kid is an ugly freak.",
        "Fuck off back to where you came from.",
        "The kids in 8B are thick retards.",
        "Miss Jones is a fucking bitch.",
        "What an ugly slut, no wonder nobody talks to her.",
        "Those lazy idiots in Year 11 are total scum.",
    ];

    private static readonly string[] s_ordinary =
    [
        "Year 3 had a fantastic day at the aquarium.",
        "Parents' evening bookings open on Monday at 9am.",
        "Well done to our under-13 rugby team on a hard-fought win.",
        "Please remember that Friday is non-uniform day.",
        "Our Year 9 pupils presented their geography projects today.",
        "The school office will be closed during the half-term holiday.",
        "Congratulations to everyone who took part in the maths challenge.",
        "Reception class enjoyed a teddy bears' picnic on the field.",
        "Year 11 exam timetables have been emailed to families.",
        "Thank you to our amazing volunteers at the book fair.",
        "The school choir will perform at the Christmas market on Saturday.",
        "A reminder that the car park is for staff only.",
        "Year 6 killed it at the quiz night, well done!",
        "Our new science block opens after Easter.",
        "Please send in empty yoghurt pots for the art project.",
        "Children who have had sickness or diarrhoea should stay at home for 48 hours",
        "If your child is vomiting please do not send them to school.",
        "Please keep your child at home if they have a high temperature.",
        "The school will be closed tomorrow because of heavy snow.",
        "We have had several cases of chickenpox in Reception this week.",
    ];

    private static LinearToxicityClassifier Classifier => LinearToxicityClassifier.Default;

    private static double ScoreOf(string text) => Classifier.Score(TextNormalizer.SkeletonText(text));

    [Test]
    public void Default_Loaded_HasVersionAndOrderedThresholds()
    {
        var c = Classifier;

        c.Version.Should().MatchRegex(@"^postguard-linear/2 \(sha256:[0-9a-f]{12}\)$");
        c.ReviewThreshold.Should().BeInRange(0.01, 0.99);
        c.RejectThreshold.Should().BeInRange(c.ReviewThreshold, 1.0);
        c.Should().BeSameAs(LinearToxicityClassifier.Default);
    }

    [TestCaseSource(nameof(s_toxic))]
    public void Score_ToxicSchoolSentence_AtLeastReview(string text)
    {
        ScoreOf(text).Should().BeGreaterThanOrEqualTo(Classifier.ReviewThreshold, text);
    }

    [TestCaseSource(nameof(s_ordinary))]
    public void Score_OrdinarySchoolPost_BelowReview(string text)
    {
        ScoreOf(text).Should().BeLessThan(Classifier.ReviewThreshold, text);
    }

    [Test]
    public void TestSentences_NoneInTrainingSupplement()
    {
        var supplement = ToxicityTraining.ReadSupplement().Select(r => r.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);

        s_toxic.Concat(s_ordinary).Where(supplement.Contains).Should().BeEmpty("these sentences are held out from training");
    }

    [Test]
    public void Score_EmptyText_IsProbability()
    {
        Classifier.Score("").Should().BeInRange(0, 1);
        Classifier.Score("   ").Should().Be(Classifier.Score(""));
    }

    [Test]
    public void Score_WarmedUp_DoesNotAllocate()
    {
        string shortText = TextNormalizer.SkeletonText("You are a stupid idiot.");
        string longText = TextNormalizer.SkeletonText(string.Concat(Enumerable.Repeat("Well done to Year 4 for a lovely assembly about kindness and friendship! ", 4)));
        string veryLong = TextNormalizer.SkeletonText(string.Concat(Enumerable.Repeat("Our choir sang at the care home this afternoon and everyone loved it. ", 40)));
        longText.Length.Should().BeGreaterThan(250);
        var c = Classifier;
        double sink = 0;
        for (int i = 0; i < 100; i++)
        {
            sink += c.Score(shortText) + c.Score(longText) + c.Score(veryLong);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++)
        {
            sink += c.Score(shortText) + c.Score(longText) + c.Score(veryLong);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
        sink.Should().BePositive();
    }

    [TestCase("You are a pathetic idiot and the whole class laughs at you.")]
    [TestCase("Well done Well done well done to Year 4, a lovely lovely assembly!")]
    [TestCase("a")]
    [TestCase("supercalifragilisticexpialidocious antidisestablishmentarianism")]
    public void Logit_OnePass_EqualsTheTrainingVectorsDotProduct(string raw)
    {
        string text = TextNormalizer.SkeletonText(raw);
        var model = Classifier.Model;
        var (idx, val) = SparseDataset.Featurize(new Featurizer(model.Features), text);

        double expected = model.Bias;
        for (int k = 0; k < idx.Length; k++)
        {
            expected += model.Scale * (double)model.Weights[idx[k]] * val[k];
        }

        Classifier.Logit(text).Should().BeApproximately(expected, 1e-5, "scoring and training must see the same normalised vector");
    }

    [Test]
    public void Score_SameTextManyThreads_SameScore()
    {
        string text = TextNormalizer.SkeletonText("Shut up you stupid fat loser, nobody likes you.");
        double expected = Classifier.Score(text);
        var results = new double[64];

        Parallel.For(0, results.Length, i => results[i] = Classifier.Score(text));

        results.Should().AllSatisfy(r => r.Should().Be(expected));
    }

    [Test]
    public void Explain_ToxicSentence_PointsAtTheToxicWords()
    {
        string text = TextNormalizer.SkeletonText("Well done everyone, but Tom is a stupid idiot.");

        var explanation = Classifier.Explain(text, 2);

        explanation.Score.Should().BeApproximately(Classifier.Score(text), 1e-12);
        explanation.Contributions.Should().HaveCount(2);
        var words = explanation.Contributions.Select(c => text.Substring(c.Start, c.Length)).ToList();
        words.Should().BeEquivalentTo(["stupid", "idiot"]);
        explanation.Contributions[0].Weight.Should().BeGreaterThanOrEqualTo(explanation.Contributions[1].Weight);
        explanation.Contributions.Should().AllSatisfy(c => c.Weight.Should().BePositive());
    }

    [Test]
    public void Explain_ContributionsAreWholeTokens()
    {
        string text = TextNormalizer.SkeletonText("You are a fucking useless moron and a bitch.");

        var explanation = Classifier.Explain(text, 10);

        explanation.Contributions.Should().NotBeEmpty();
        foreach (var c in explanation.Contributions)
        {
            (c.Start == 0 || text[c.Start - 1] == ' ').Should().BeTrue();
            (c.Start + c.Length == text.Length || text[c.Start + c.Length] == ' ').Should().BeTrue();
        }
    }

    [Test]
    public void Explain_ZeroContributions_ReturnsScoreOnly()
    {
        var explanation = Classifier.Explain("stupid idiot", 0);

        explanation.Contributions.Should().BeEmpty();
        explanation.Score.Should().Be(Classifier.Score("stupid idiot"));
    }

    [Test]
    public void Default_DevMetricsStored()
    {
        var model = Classifier.Model;

        model.Metric("dev.roc_auc").Should().BeGreaterThan(0.85);
        model.Metric("dev.review.macro_f1").Should().NotBeNull();
        model.TrainingFingerprint.Should().HaveCount(32);
        model.TrainingDescription.Should().Contain("adagrad");
    }
}
