using System.Diagnostics;
using PostGuard.Rules.Tests.Hardening;

namespace PostGuard.Rules.Tests.Engine;

/// <summary>
/// Work per draft is bounded and grows linearly: a 1 MB body costs about four times a 256 KB one (measured in process
/// CPU time, best of five, with a bound generous enough for a noisy shared machine but well below the sixteen times a
/// quadratic step would cost). Text dense with findings stays linear because the engine keeps a bounded number of
/// matches and findings per draft and reviews the rest.
/// </summary>
public class BoundsTests
{
    // 4x the text should cost ~4x; a quadratic step would cost 16x. The bound leaves room for a bigger text falling out
    // of the CPU caches (random UTF-16 at 1 MB touches ~10 MB of views: measured 4-9.6x) and for a noisy shared machine.
    private const double MaxRatio = 12.0;

    private static TimeSpan BestCpuTime(PostGuardEngine engine, Draft draft)
    {
        var best = TimeSpan.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int run = 0; run < 5; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var before = process.TotalProcessorTime;
            engine.Evaluate(draft);
            process.Refresh();
            var spent = process.TotalProcessorTime - before;
            best = spent < best ? spent : best;
        }

        return best;
    }

    [TestCase("random-utf16")]
    [TestCase("school-text")]
    [TestCase("spaced-letters")]
    [TestCase("combining-flood")]
    [TestCase("entities")]
    public void Evaluate_FourTimesTheText_CostsRoughlyFourTimesTheCpu(string kind)
    {
        var engine = HardeningEngine.Instance;
        var small = new Draft { Body = EnginePropertyTests.MegabyteBody(kind, 256 * 1024) };
        var large = new Draft { Body = EnginePropertyTests.MegabyteBody(kind, 1024 * 1024) };
        engine.Evaluate(small); // warm up (JIT, scratch arrays grown)
        engine.Evaluate(large);

        var smallTime = BestCpuTime(engine, small);
        var largeTime = BestCpuTime(engine, large);

        double ratio = largeTime.TotalMilliseconds / Math.Max(smallTime.TotalMilliseconds, 1);
        TestContext.Out.WriteLine($"{kind}: 256 KB {smallTime.TotalMilliseconds:F0} ms, 1 MB {largeTime.TotalMilliseconds:F0} ms CPU, ratio {ratio:F1}");
        ratio.Should().BeLessThan(MaxRatio, "checking must stay linear in the draft's length");
    }

    [Test]
    public void Evaluate_TextDenseWithFindings_StopsAtTheCapAndIsNotApproved()
    {
        var verdict = HardeningEngine.Instance.Evaluate(new Draft { Body = EnginePropertyTests.MegabyteBody("school-text", 256 * 1024), Audience = "staff" });

        verdict.Findings.Should().Contain(f => f.RuleId == "engine.too-many-matches");
        verdict.Findings.Count.Should().BeLessThanOrEqualTo(1_001);
        verdict.Decision.Should().Be(Decision.Reject, "the findings before the cap still count");
    }

    [Test]
    public void Evaluate_DraftOverTheConfiguredMaximum_IsCheckedUpToItAndReviewed()
    {
        var engine = new PostGuardEngineBuilder().UseMaxDraftLength(20_000).Build();
        var draft = new Draft { Title = "Sports day", Body = EnginePropertyTests.MegabyteBody("school-text") };

        var verdict = engine.Evaluate(draft);

        verdict.Findings.Should().Contain(f => f.RuleId == "engine.draft-too-large" && f.Field == "draft");
        verdict.Findings.Where(f => f.Field == "body").Should().OnlyContain(f => f.Start + f.Length <= 20_000);
        verdict.Decision.Should().NotBe(Decision.Approve);
    }
}
