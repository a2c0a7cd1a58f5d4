using System.Text.Json;
using PostGuard.Serialization;

namespace PostGuard.Rules.Tests.DefaultPack;

/// <summary>Every sample draft gets the decision written in its <c>expected</c> field, with the sample school profile.</summary>
public class SamplesTests
{
    private static readonly Lazy<PostGuardEngine> s_engine = new(() => new PostGuardEngineBuilder()
        .UseRulePack(RulePack.LoadDefault())
        .UseProfile(SchoolProfile.Load(Path.Combine(RepoPaths.Samples, "school-profile.yaml")))
        .Build());

    public static IEnumerable<TestCaseData> Samples()
    {
        var folder = Path.Combine(RepoPaths.Samples, "drafts");
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            // consent samples need the consent register; they are tested with it elsewhere
            if (Path.GetFileName(file).StartsWith("consent-", StringComparison.Ordinal))
            {
                continue;
            }

            yield return new TestCaseData(file).SetName($"Sample_{Path.GetFileNameWithoutExtension(file)}");
        }
    }

    [TestCaseSource(nameof(Samples))]
    public void Sample_GetsItsExpectedDecision(string file)
    {
        string json = File.ReadAllText(file);
        var draft = PostGuardJson.DeserializeDraft(json);
        using var doc = JsonDocument.Parse(json);
        var expected = Enum.Parse<Decision>(doc.RootElement.GetProperty("expected").GetString()!, ignoreCase: true);

        var verdict = s_engine.Value.Evaluate(draft);

        verdict.Decision.Should().Be(expected, string.Join("; ", verdict.Findings.Select(f => $"{f.RuleId} '{f.Excerpt}'")));
        foreach (var f in verdict.Findings)
        {
            string text = FieldText(draft, f.Field);
            text.Substring(f.Start, f.Length).Should().Be(f.Excerpt, $"{f.RuleId}'s span must point at its excerpt");
        }
    }

    [Test]
    public void Samples_CoverEveryDecision()
    {
        var expected = Samples()
            .Select(s => JsonDocument.Parse(File.ReadAllText((string)s.Arguments[0]!)).RootElement.GetProperty("expected").GetString())
            .ToList();
        expected.Should().Contain(["approve", "review", "reject"]);
        expected.Count.Should().BeGreaterThanOrEqualTo(30);
    }

    internal static string FieldText(Draft draft, string field)
    {
        if (field == "title")
        {
            return draft.Title!;
        }

        if (field == "body")
        {
            return draft.Body;
        }

        var m = System.Text.RegularExpressions.Regex.Match(field, @"^attachments\[(\d+)\]\.(altText|caption|taggedPeople\[(\d+)\])$");
        var a = draft.Attachments[int.Parse(m.Groups[1].Value)];
        return m.Groups[2].Value switch
        {
            "altText" => a.AltText!,
            "caption" => a.Caption!,
            _ => a.TaggedPeople[int.Parse(m.Groups[3].Value)],
        };
    }
}
