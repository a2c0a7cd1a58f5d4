using System.Text.Json;
using PostGuard.Serialization;

namespace PostGuard.Rules.Tests.DefaultPack;

/// <summary>
/// Realistic school posts (not written for any one rule) and the decision a school's reviewer would want, checked with
/// the default pack and the shipped classifier. A rule or model change that moves any of them is a regression to look at.
/// </summary>
public class SchoolPostsTests
{
    private static readonly Lazy<PostGuardEngine> s_engine = new(() => new PostGuardEngineBuilder().Build());

    public static IEnumerable<TestCaseData> Posts()
    {
        var file = Path.Combine(TestContext.CurrentContext.TestDirectory, "DefaultPack", "school-posts.jsonl");
        foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            string id = doc.RootElement.GetProperty("id").GetString()!;
            yield return new TestCaseData(line).SetName($"SchoolPost_{id}");
        }
    }

    [TestCaseSource(nameof(Posts))]
    public void SchoolPost_GetsTheReviewersDecision(string json)
    {
        var draft = PostGuardJson.DeserializeDraft(json);
        using var doc = JsonDocument.Parse(json);
        var expected = Enum.Parse<Decision>(doc.RootElement.GetProperty("expected").GetString()!, ignoreCase: true);

        var verdict = s_engine.Value.Evaluate(draft);

        verdict.Decision.Should().Be(expected, string.Join("; ", verdict.Findings.Select(f => $"{f.RuleId} '{f.Excerpt}'")) + $" toxicity {verdict.Toxicity:0.00}");
    }
}
