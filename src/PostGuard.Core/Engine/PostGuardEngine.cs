using System.Text.RegularExpressions;
using PostGuard.Classification;
using PostGuard.Engine;
using PostGuard.Text;

namespace PostGuard;

/// <summary>
/// The compiled moderation engine: checks drafts against a rule pack (and optionally a toxicity classifier)
/// and returns verdicts with their reasons.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: build it once (loading and compiling a rule pack is the expensive part) and
/// reuse it from every thread. Checking a draft rents per-thread scratch state and takes no locks.
/// Create one with <c>PostGuardEngineBuilder</c> (package PostGuard.Rules).
/// </remarks>
public sealed class PostGuardEngine
{
    private const int NameCacheSize = 16;
    private static readonly string[,] s_attachmentFieldNames = BuildNames();

    private readonly CompiledRule[] _rules;
    private readonly TermIndex[] _indexes;
    private readonly RuleInfo _failureRule;
    private readonly RuleInfo _tooLargeRule;
    private readonly RuleInfo _tooManyMatchesRule;

    /// <summary>
    /// The most term and pattern matches kept for one field. Rules compare a field's matches with each other, so an
    /// unbounded number (a megabyte of slurs) would make the check quadratic; past the cap the rest of the field is
    /// not matched and the draft is reviewed (finding <c>engine.too-many-matches</c>), never approved.
    /// </summary>
    internal const int MaxMatchesPerField = 2_000;

    /// <summary>The most findings one verdict carries; past it the draft is reviewed (<c>engine.too-many-matches</c>).</summary>
    internal const int MaxFindings = 1_000;
    private readonly int[] _classifierExcludedSets;

    /// <summary>The default of <see cref="MaxDraftLength"/>: two million characters.</summary>
    public const int DefaultMaxDraftLength = 2_000_000;

    internal PostGuardEngine(
        string rulePackName,
        string rulePackHash,
        DecisionPolicy policy,
        IReadOnlyList<CompiledRule> rules,
        IReadOnlyList<TermIndex> indexes,
        IReadOnlyList<TermSet> sets,
        IToxicityClassifier? classifier,
        int maxDraftLength = DefaultMaxDraftLength,
        IReadOnlyList<int>? classifierExcludedSets = null)
    {
        _classifierExcludedSets = [.. classifierExcludedSets ?? []];
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDraftLength, 1);
        MaxDraftLength = maxDraftLength;
        _tooLargeRule = new RuleInfo("engine.draft-too-large", FindingCategory.Confidential, Severity.Medium,
            $"The draft is longer than the {maxDraftLength:N0} characters PostGuard checks; only the first {maxDraftLength:N0} were checked.",
            "PostGuard: a draft is never approved unread", "Split the post, or ask a person to review the rest.", null, null);
        RulePackName = rulePackName;
        RulePackHash = rulePackHash;
        Policy = policy;
        _rules = [.. rules];
        _indexes = [.. indexes];
        SetCount = sets.Count;
        Classifier = classifier;
        RuleIds = [.. _rules.Select(r => r.Info.Id)];
        _tooManyMatchesRule = new RuleInfo("engine.too-many-matches", FindingCategory.Confidential, Severity.Medium,
            $"The draft has more matches than PostGuard keeps ({MaxMatchesPerField:N0} per field, {MaxFindings:N0} findings); the check stopped there, so a person must review the rest.",
            "PostGuard: a draft is never approved unread", "Split the post, or ask a person to review it.", null, null);
        _failureRule = new RuleInfo("engine.check-failed", FindingCategory.Confidential, Severity.Medium,
            "A check failed while reading this draft, so it cannot be approved automatically.",
            "PostGuard: a draft is never approved because part of the check broke", "Ask a person to review the draft.", null, null);
    }

    /// <summary>The rule pack's name.</summary>
    public string RulePackName { get; }

    /// <summary>
    /// The most characters of a draft (all fields together) that are checked. Past it the rest is not read and the
    /// verdict gets a medium finding <c>engine.draft-too-large</c>, so an oversized draft is reviewed, never approved unread.
    /// </summary>
    public int MaxDraftLength { get; }

    /// <summary>How many term sets the rules registered (sizes per-field scratch state).</summary>
    internal int SetCount { get; }

    /// <summary>A content hash of the rule pack, profile and consent register the engine was built from.</summary>
    public string RulePackHash { get; }

    /// <summary>The severity → decision policy.</summary>
    public DecisionPolicy Policy { get; }

    /// <summary>The toxicity classifier, or null when none is configured.</summary>
    public IToxicityClassifier? Classifier { get; }

    /// <summary>The ids of the enabled rules, in pack order.</summary>
    public IReadOnlyList<string> RuleIds { get; }

    /// <summary>Checks one draft.</summary>
    /// <param name="draft">The draft; <see cref="Draft.Body"/> must not be null.</param>
    /// <param name="cancellationToken">Cancels the check between fields and rules.</param>
    /// <returns>The verdict, with every finding.</returns>
    /// <exception cref="ArgumentNullException">The draft or its body is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Verdict Evaluate(Draft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Body is null)
        {
            throw new ArgumentNullException(nameof(draft), "The draft has no body.");
        }

        var context = EvaluationContext.Rent(draft, Classifier, SetCount);
        context.Budget = MaxDraftLength;
        context.Truncated = false;
        context.TooManyMatches = false;
        try
        {
            if (draft.Title is { Length: > 0 } title)
            {
                CheckField(context, "title", title, FieldKind.Title, -1, cancellationToken);
            }

            CheckField(context, "body", draft.Body, FieldKind.Body, -1, cancellationToken);

            var attachments = draft.Attachments ?? [];
            for (int a = 0; a < attachments.Count; a++)
            {
                var attachment = attachments[a];
                if (attachment is null)
                {
                    continue;
                }

                if (attachment.AltText is { Length: > 0 } alt)
                {
                    CheckField(context, FieldName(a, 0, null), alt, FieldKind.AltText, a, cancellationToken);
                }

                if (attachment.Caption is { Length: > 0 } caption)
                {
                    CheckField(context, FieldName(a, 1, null), caption, FieldKind.Caption, a, cancellationToken);
                }

                var tagged = attachment.TaggedPeople ?? [];
                for (int t = 0; t < tagged.Count; t++)
                {
                    if (tagged[t] is { Length: > 0 } person)
                    {
                        CheckField(context, FieldName(a, 2, t), person, FieldKind.TaggedPerson, a, cancellationToken);
                    }
                }
            }

            for (int r = 0; r < _rules.Length; r++)
            {
                var rule = _rules[r];
                if (rule.Info.AppliesTo(draft.Channel, draft.Audience))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Run(context, rule, draftLevel: true);
                }
            }

            if (context.Truncated)
            {
                context.FailedClosed = true;
                context.ReportDraft(_tooLargeRule);
            }

            if (context.TooManyMatches)
            {
                context.FailedClosed = true;
                context.ReportDraft(_tooManyMatchesRule);
            }

            return BuildVerdict(context);
        }
        finally
        {
            EvaluationContext.Return(context);
        }
    }

    private void CheckField(EvaluationContext context, string name, string text, FieldKind kind, int attachment, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Length > context.Budget)
        {
            context.Truncated = true;
            int cut = context.Budget;
            if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            if (cut <= 0)
            {
                return;
            }

            text = text[..cut];
        }

        context.Budget -= text.Length;
        var slot = context.LoadField(name, text, kind, attachment);
        var field = slot.Text;

        for (int i = 0; i < _indexes.Length; i++)
        {
            if (!_indexes[i].Match(field, slot.Hits, MaxMatchesPerField))
            {
                context.TooManyMatches = true;
            }
        }

        if (Classifier is not null && kind is not FieldKind.TaggedPerson)
        {
            if (_classifierExcludedSets.Length > 0)
            {
                ExcludeAllowedPhrases(slot);
            }

            try
            {
                double score = Classifier.Score(field.SkeletonText);
                slot.Toxicity = score;
                if (context.Toxicity is null || score > context.Toxicity)
                {
                    context.Toxicity = score;
                    context.MostToxicField = slot;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // the message names the component and the exception type only: never the exception's message, which may quote the draft
                context.FailedClosed = true;
                context.Report(_failureRule with { Id = "engine.classifier-failed", Category = FindingCategory.Toxicity }, field, 0, 0,
                    message: $"The toxicity classifier failed on this field ({ex.GetType().Name}), so the draft cannot be approved automatically.");
            }
        }

        var draft = context.Draft;
        for (int r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];
            if (rule.Info.AppliesTo(draft.Channel, draft.Audience))
            {
                Run(context, rule, draftLevel: false);
            }
        }
    }

    private void ExcludeAllowedPhrases(FieldSlot slot)
    {
        var hits = slot.Hits;
        for (int i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (Array.IndexOf(_classifierExcludedSets, hit.Set) >= 0)
            {
                slot.Text.ExcludeFromSkeletonText(hit.First, hit.Last);
            }
        }
    }

    private void Run(EvaluationContext context, CompiledRule rule, bool draftLevel)
    {
        try
        {
            if (draftLevel)
            {
                rule.EvaluateDraft(context);
            }
            else
            {
                rule.EvaluateField(context);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // the message names the rule and the exception type only: never the exception's message, which may quote the draft
            context.FailedClosed = true;
            string what = ex is RegexMatchTimeoutException ? "took too long (regular expression timeout)" : $"failed ({ex.GetType().Name})";
            var failure = _failureRule with { Id = rule.Info.Id, Category = rule.Info.Category };
            var field = context.Current.Text;
            context.Report(failure, field, 0, 0,
                message: $"The rule '{rule.Info.Id}' {what}, so the draft cannot be approved automatically.");
        }
    }

    private Verdict BuildVerdict(EvaluationContext context)
    {
        var list = context.Findings;
        Finding[] findings;
        if (list.Count == 0)
        {
            findings = [];
        }
        else
        {
            findings = list.ToArray();
            var order = new int[findings.Length];
            for (int i = 0; i < findings.Length; i++)
            {
                order[i] = FieldOrder(context, findings[i].Field);
            }

            // stable insertion sort: most severe first, then by field (in draft order), then by position
            for (int i = 1; i < findings.Length; i++)
            {
                var f = findings[i];
                int o = order[i];
                int j = i - 1;
                while (j >= 0 && Compare(findings[j], order[j], f, o) > 0)
                {
                    findings[j + 1] = findings[j];
                    order[j + 1] = order[j];
                    j--;
                }

                findings[j + 1] = f;
                order[j + 1] = o;
            }

            findings = WithoutRepeats(findings);
        }

        var decision = Policy.Decide(findings, context.Draft.Audience);
        if (context.FailedClosed && decision == Decision.Approve)
        {
            // a pack's policy may approve medium findings; a draft that was not fully checked is still never approved
            decision = Decision.Review;
        }

        return new Verdict(context.Draft.Id, decision, findings, context.Toxicity, RulePackName, RulePackHash, Classifier?.Version);
    }

    /// <summary>
    /// Drops a finding when a more severe one of the same category covers exactly the same span: a Gmail address is
    /// a personal email (high), not also "an email address" (medium). Equally severe findings from different rules
    /// are all kept: each is a reason.
    /// </summary>
    private static Finding[] WithoutRepeats(Finding[] findings)
    {
        int kept = 0;
        for (int i = 0; i < findings.Length; i++)
        {
            var f = findings[i];
            bool repeat = false;
            for (int k = 0; k < kept; k++)
            {
                var g = findings[k];
                if (g.Severity > f.Severity && g.Category == f.Category && g.Start == f.Start && g.Length == f.Length && g.Field == f.Field && f.Length > 0)
                {
                    repeat = true;
                    break;
                }
            }

            if (!repeat)
            {
                findings[kept++] = f;
            }
        }

        return kept == findings.Length ? findings : findings[..kept];
    }

    private static int Compare(Finding a, int aField, Finding b, int bField)
    {
        int c = b.Severity.CompareTo(a.Severity);
        if (c != 0)
        {
            return c;
        }

        c = aField.CompareTo(bField);
        return c != 0 ? c : a.Start.CompareTo(b.Start);
    }

    private static int FieldOrder(EvaluationContext context, string field)
    {
        for (int i = 0; i < context.FieldCount; i++)
        {
            if (ReferenceEquals(context.Field(i).Text.FieldName, field) || context.Field(i).Text.FieldName == field)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string FieldName(int attachment, int kind, int? person)
    {
        if (attachment < NameCacheSize && (person is null || person < NameCacheSize))
        {
            return kind < 2 ? s_attachmentFieldNames[attachment, kind] : s_attachmentFieldNames[attachment, 2 + person!.Value];
        }

        return kind switch
        {
            0 => $"attachments[{attachment}].altText",
            1 => $"attachments[{attachment}].caption",
            _ => $"attachments[{attachment}].taggedPeople[{person}]",
        };
    }

    private static string[,] BuildNames()
    {
        var names = new string[NameCacheSize, 2 + NameCacheSize];
        for (int a = 0; a < NameCacheSize; a++)
        {
            names[a, 0] = $"attachments[{a}].altText";
            names[a, 1] = $"attachments[{a}].caption";
            for (int p = 0; p < NameCacheSize; p++)
            {
                names[a, 2 + p] = $"attachments[{a}].taggedPeople[{p}]";
            }
        }

        return names;
    }
}
