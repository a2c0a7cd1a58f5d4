using PostGuard.Classification;

namespace PostGuard.Rules.Tests.Kinds;

public class ClassifierRuleTests
{
    /// <summary>
    /// A real (if simple) classifier behind the seam: the share of words that are in a fixed toxic list.
    /// It shows the engine works with any <see cref="IToxicityClassifier"/>.
    /// </summary>
    private sealed class WordListClassifier : IToxicityClassifier
    {
        private static readonly string[] s_toxic = ["hate", "disgusting", "worthless"];

        public string Version => "word-list/1";

        public double ReviewThreshold => 0.2;

        public double RejectThreshold => 0.5;

        public double Score(ReadOnlySpan<char> text) => Explain(text, 0).Score;

        public ToxicityExplanation Explain(ReadOnlySpan<char> text, int max)
        {
            var contributions = new List<TextContribution>();
            int words = 0, toxic = 0, start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == ' ')
                {
                    if (i > start)
                    {
                        words++;
                        if (s_toxic.Contains(text[start..i].ToString()))
                        {
                            toxic++;
                            contributions.Add(new TextContribution(start, i - start, 1));
                        }
                    }

                    start = i + 1;
                }
            }

            return new ToxicityExplanation(words == 0 ? 0 : (double)toxic / words, contributions.Take(max).ToList());
        }
    }

    private static readonly string s_review = """
        kind: classifier
        category: toxicity
        severity: medium
        message: The text reads as toxic.
        policy: "Cheadle Heath 2021: no offensive content"
        threshold: review
        """;

    private static readonly string s_reject = s_review.Replace("severity: medium", "severity: high").Replace("threshold: review", "threshold: reject");

    private static PostGuardEngine Engine(IToxicityClassifier? classifier) => new PostGuardEngineBuilder()
        .UseRulePack(TestPacks.Pack(("toxicity/review.yaml", s_review), ("toxicity/reject.yaml", s_reject)))
        .UseClassifier(classifier)
        .Build();

    [Test]
    public void Evaluate_ScoreOverRejectThreshold_ReportsOnlyTheRejectRuleWithEvidence()
    {
        const string body = "I HATE this disgusting place";
        var verdict = Engine(new WordListClassifier()).Check(body);

        verdict.Toxicity.Should().BeApproximately(0.4, 1e-9);
        var finding = verdict.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("toxicity.review");
        finding.Evidence!.Select(e => e.Excerpt).Should().Equal("HATE", "disgusting");
        finding.Evidence!.Should().OnlyContain(e => body.Substring(e.Start, e.Length) == e.Excerpt);
        verdict.ClassifierVersion.Should().Be("word-list/1");

        var worse = Engine(new WordListClassifier()).Check("hate hate disgusting");
        worse.Findings.Should().ContainSingle().Which.RuleId.Should().Be("toxicity.reject");
        worse.Decision.Should().Be(Decision.Reject);
    }

    [Test]
    public void Evaluate_WithoutClassifier_ToxicityIsNullAndRulesDoNotFire()
    {
        var verdict = Engine(null).Check("hate hate disgusting");
        verdict.Toxicity.Should().BeNull();
        verdict.ClassifierVersion.Should().BeNull();
        verdict.Findings.Should().BeEmpty();
    }

    [Test]
    public void Evaluate_ClassifierThatThrows_ReviewsInsteadOfApproving()
    {
        var engine = Engine(new ThrowingClassifier());
        var verdict = engine.Check("lovely sports day");
        verdict.Decision.Should().Be(Decision.Review);
        verdict.Findings.Should().ContainSingle().Which.RuleId.Should().Be("engine.classifier-failed");
    }

    private sealed class ThrowingClassifier : IToxicityClassifier
    {
        public string Version => "broken/1";

        public double ReviewThreshold => 0.5;

        public double RejectThreshold => 0.9;

        public double Score(ReadOnlySpan<char> text) => throw new InvalidOperationException("model not loaded");

        public ToxicityExplanation Explain(ReadOnlySpan<char> text, int max) => throw new InvalidOperationException("model not loaded");
    }
}
