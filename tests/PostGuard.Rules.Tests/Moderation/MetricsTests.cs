using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PostGuard.Rules.Tests.Support;

namespace PostGuard.Rules.Tests.Moderation;

public class MetricsTests
{
    private sealed record Measurement(string Instrument, double Value, string? Unit, Dictionary<string, string?> Tags);

    [Test]
    public void Moderate_AndReload_RecordsCountersAndDurationOnThePostGuardMeter()
    {
        using var pack = new TempPack();
        using var meterFactory = new TestMeterFactory();
        var measurements = new ConcurrentQueue<Measurement>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "PostGuard" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue(new(i.Name, v, i.Unit, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue(new(i.Name, v, i.Unit, ToDictionary(tags))));
        listener.Start();

        using (var moderator = new PostModerator(pack.Options(), meterFactory: meterFactory))
        {
            moderator.Moderate(new Draft { Body = "you are stupid" });
            moderator.Moderate(new Draft { Body = "well done" });
            moderator.Moderate(new Draft { Body = "well done again" });
            moderator.Reload().Should().BeTrue();
            pack.Write(TempPack.RuleFile, "severity: [high\n");
            moderator.Reload().Should().BeFalse();
        }

        var all = measurements.ToArray();
        var moderated = all.Where(m => m.Instrument == "postguard.drafts.moderated").ToArray();
        moderated.Should().HaveCount(3).And.OnlyContain(m => m.Value == 1);
        moderated.Count(m => m.Tags["decision"] == "reject").Should().Be(1);
        moderated.Count(m => m.Tags["decision"] == "approve").Should().Be(2);
        var durations = all.Where(m => m.Instrument == "postguard.moderation.duration").ToArray();
        durations.Should().HaveCount(3).And.OnlyContain(m => m.Value >= 0 && m.Unit == "ms");
        var reloads = all.Where(m => m.Instrument == "postguard.engine.reloads").ToArray();
        reloads.Select(m => m.Tags["outcome"]).Should().Equal("success", "failure");
    }

    private static Dictionary<string, string?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, string?>();
        foreach (var (key, value) in tags)
        {
            result[key] = value?.ToString();
        }

        return result;
    }
}
