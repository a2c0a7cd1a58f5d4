using PostGuard.Cli.Acceptance;
using PostGuard.Cli.Input;
using PostGuard.Rules;

namespace PostGuard.Cli.Output;

/// <summary>Where an acceptance came from.</summary>
internal enum AcceptanceSource
{
    /// <summary>A baseline file (<c>--baseline</c>).</summary>
    Baseline,
    /// <summary>The post's own front matter.</summary>
    Inline,
}

/// <summary>Who accepted a finding and why.</summary>
internal sealed record Accepted(string? By, string? Reason, AcceptanceSource Source);

/// <summary>A finding as reported: where it is in its file, whether it was accepted, and the decision it leads to on its own.</summary>
internal sealed record ReportedFinding(Finding Finding, SourceSpan? Location, Accepted? Accepted, Decision LeadsTo, Fingerprint Fingerprint);

/// <summary>A verdict with the input it came from, its located findings and its decision after acceptance.</summary>
internal sealed record CheckedDraft(DraftInput Input, Verdict Verdict, IReadOnlyList<ReportedFinding> Findings, Decision Decision);

/// <summary>How many drafts got each decision.</summary>
internal sealed record Summary(int Approve, int Review, int Reject)
{
    public static Summary Of(IReadOnlyList<CheckedDraft> results) => new(
        results.Count(r => r.Decision == Decision.Approve),
        results.Count(r => r.Decision == Decision.Review),
        results.Count(r => r.Decision == Decision.Reject));
}

/// <summary>Everything a report format writes.</summary>
internal sealed class Report
{
    public required IReadOnlyList<CheckedDraft> Results { get; init; }

    public required IReadOnlyList<InputError> Errors { get; init; }

    public required RulePack Pack { get; init; }

    /// <summary>Mask excerpts of personal data and pupil names (see <see cref="Masking"/>).</summary>
    public bool Mask { get; init; }

    /// <summary>A scheduling window was given: drafts outside it, and drafts with no scheduled time, were not checked.</summary>
    public bool WindowApplied { get; init; }

    public int OutsideWindow { get; init; }

    public int Unscheduled { get; init; }

    public Summary Summary => Summary.Of(Results);

    /// <summary>The excerpt as it may be shown.</summary>
    public string Excerpt(Finding finding) => Mask && Masking.Applies(finding.Category) ? Masking.Mask(finding.Excerpt) : finding.Excerpt;
}
