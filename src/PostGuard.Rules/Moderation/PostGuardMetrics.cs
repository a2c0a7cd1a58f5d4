using System.Diagnostics.Metrics;

namespace PostGuard.Moderation;

/// <summary>
/// The instruments of the <c>PostGuard</c> meter: drafts moderated (by decision), moderation duration, engine reloads
/// (by outcome). Tag values are static strings, so recording allocates nothing.
/// </summary>
internal sealed class PostGuardMetrics : IDisposable
{
    public const string MeterName = "PostGuard";
    public const string DraftsModerated = "postguard.drafts.moderated";
    public const string ModerationDuration = "postguard.moderation.duration";
    public const string EngineReloads = "postguard.engine.reloads";

    private static readonly KeyValuePair<string, object?>[] s_decisionTags =
    [
        new("decision", "approve"),
        new("decision", "review"),
        new("decision", "reject"),
    ];

    private static readonly KeyValuePair<string, object?> s_success = new("outcome", "success");
    private static readonly KeyValuePair<string, object?> s_failure = new("outcome", "failure");

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _moderated;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _reloads;

    public PostGuardMetrics(IMeterFactory? meterFactory)
    {
        string? version = typeof(PostGuardMetrics).Assembly.GetName().Version?.ToString();
        _meter = meterFactory?.Create(new MeterOptions(MeterName) { Version = version }) ?? new Meter(MeterName, version);
        _ownsMeter = meterFactory is null;
        _moderated = _meter.CreateCounter<long>(DraftsModerated, "{draft}", "Drafts moderated, by decision.");
        _duration = _meter.CreateHistogram<double>(ModerationDuration, "ms", "Time to moderate one draft, by decision.");
        _reloads = _meter.CreateCounter<long>(EngineReloads, "{reload}", "Engine reloads, by outcome (success, failure).");
    }

    public void Moderated(Decision decision, TimeSpan elapsed)
    {
        var tag = s_decisionTags[(int)decision];
        _moderated.Add(1, tag);
        _duration.Record(elapsed.TotalMilliseconds, tag);
    }

    public void Reloaded(bool success) => _reloads.Add(1, success ? s_success : s_failure);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
