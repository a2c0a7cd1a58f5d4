using Microsoft.Extensions.Logging;
using PostGuard.Rules.Tests.Support;

namespace PostGuard.Rules.Tests.Moderation;

public class LoggingTests
{
    private const string Marker = "Qzvx7781Marker";

    [Test]
    public async Task Moderate_DraftWithMarker_NoLogLineOrStateValueContainsDraftText()
    {
        using var pack = new TempPack();
        var logs = new CapturingLoggerProvider();
        using (var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)))
        using (var moderator = new PostModerator(pack.Options(watch: true), loggerFactory))
        {
            var draft = new Draft
            {
                Id = "draft-42",
                Title = $"{Marker} title",
                Body = $"You are stupid, {Marker}. Stupid{Marker}.",
                Author = Marker,
                Attachments = [new Attachment { Kind = "image", Caption = $"stupid {Marker}", AltText = Marker, TaggedPeople = [Marker] }],
            };

            moderator.Moderate(draft).Decision.Should().Be(Decision.Reject);
            await moderator.ModerateAsync(draft);
            moderator.ModerateMany([draft, draft with { Id = "draft-43" }]);
            await foreach (var _ in moderator.ModerateManyAsync(One(draft)))
            {
            }

            pack.Write(TempPack.RuleFile, $"kind: terms\nseverity: [high\n");
            moderator.Reload().Should().BeFalse();
            pack.WriteRule("idiot", "high");
            moderator.Reload().Should().BeTrue();
        }

        var records = logs.Records;
        records.Should().Contain(r => r.EventId.Name == "DraftModerated" && r.Level == LogLevel.Information);
        records.Should().Contain(r => r.EventId.Name == "BatchModerated");
        records.Should().Contain(r => r.EventId.Name == "EngineLoaded");
        records.Should().Contain(r => r.EventId.Name == "WatchingForChanges");
        records.Should().Contain(r => r.EventId.Name == "ReloadFailed");
        records.Should().Contain(r => r.EventId.Name == "EngineReloaded");
        var moderated = records.First(r => r.EventId.Name == "DraftModerated");
        moderated.State.Should().Contain(new KeyValuePair<string, string?>("RuleIds", "derogatory.insults"));
        moderated.State.Should().Contain(new KeyValuePair<string, string?>("Decision", "Reject"));
        moderated.State.Should().Contain(kv => kv.Key == "ElapsedMs");
        foreach (var record in records)
        {
            foreach (var text in record.AllText())
            {
                text.Should().NotContainEquivalentOf(Marker, $"log event {record.EventId.Name} must not contain draft text");
                text.Should().NotContainEquivalentOf("stupid,", $"log event {record.EventId.Name} must not contain excerpts");
            }
        }
    }

    [Test]
    public void Moderate_ApprovedDraft_LoggedAtDebugOnly()
    {
        using var pack = new TempPack();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        using var moderator = new PostModerator(pack.Options(), loggerFactory);

        moderator.Moderate(new Draft { Body = "Well done!" });

        logs.Records.Should().ContainSingle(r => r.EventId.Name == "DraftModerated").Which.Level.Should().Be(LogLevel.Debug);
    }

    private static async IAsyncEnumerable<Draft> One(Draft draft)
    {
        await Task.Yield();
        yield return draft;
    }
}
