using PostGuard.Cli.Input;
using PostGuard.Cli.Output;
using PostGuard.Rules;

namespace PostGuard.Cli.Acceptance;

/// <summary>
/// Marks findings accepted (from the baseline or the draft's front matter), locates them in their file and
/// recomputes the decision with the engine's policy over the findings that still count.
/// </summary>
internal sealed class Acceptor(PostGuardEngine engine, RulePack pack, Baseline? baseline, DateTimeOffset now)
{
    /// <summary>Acceptances that were ignored because the rule is not acceptable and the finding rejects.</summary>
    public List<string> Ignored { get; } = [];

    public CheckedDraft Apply(DraftInput input, Verdict verdict)
    {
        var findings = new List<ReportedFinding>(verdict.Findings.Count);
        bool anyAccepted = false;
        foreach (var finding in verdict.Findings)
        {
            var fingerprint = Fingerprint.Of(verdict.Id, finding.RuleId, finding.Excerpt);
            var leadsTo = engine.Policy.DecisionFor(finding.Severity, input.Draft.Audience);
            var accepted = Find(input, finding, fingerprint);
            if (accepted is not null && leadsTo == Decision.Reject && !IsAcceptable(finding))
            {
                Ignored.Add($"{input.File}: {finding.RuleId} in '{verdict.Id}' cannot be accepted: the rule is not acceptable and the finding rejects the draft");
                accepted = null;
            }

            anyAccepted |= accepted is not null;
            findings.Add(new ReportedFinding(finding, input.Locate(finding.Field, finding.Start, finding.Length), accepted, leadsTo, fingerprint));
        }

        var decision = anyAccepted
            ? engine.Policy.Decide([.. findings.Where(f => f.Accepted is null).Select(f => f.Finding)], input.Draft.Audience)
            : verdict.Decision;
        return new CheckedDraft(input, verdict, findings, decision);
    }

    public bool IsAcceptable(Finding finding)
        => pack.Find(finding.RuleId)?.Acceptable ?? RuleDefinition.AcceptableByDefault(finding.Category);

    private Accepted? Find(DraftInput input, Finding finding, Fingerprint fingerprint)
    {
        foreach (var inline in input.Accept)
        {
            if (string.Equals(inline.RuleId, finding.RuleId, StringComparison.OrdinalIgnoreCase))
            {
                return new Accepted(inline.By, inline.Reason, AcceptanceSource.Inline);
            }
        }

        if (baseline?.Find(fingerprint, now) is { } entry)
        {
            return new Accepted(entry.AcceptedBy, entry.Reason, AcceptanceSource.Baseline);
        }

        return null;
    }
}
