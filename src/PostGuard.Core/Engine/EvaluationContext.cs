using PostGuard.Classification;
using PostGuard.Text;

namespace PostGuard.Engine;

/// <summary>One text field of the draft being checked, with its normalised views and term hits.</summary>
internal sealed class FieldSlot
{
    public FieldText Text { get; } = new();

    public List<TermHit> Hits { get; } = new(32);

    /// <summary>The attachment this field belongs to, or -1 for the title and body.</summary>
    public int Attachment { get; set; } = -1;

    /// <summary>What the field is: title, body, altText, caption, taggedPeople, fileName.</summary>
    public FieldKind Kind { get; set; }

    /// <summary>The classifier's score for the field, when it was scored.</summary>
    public double? Toxicity { get; set; }
}

/// <summary>The kinds of text field in a draft.</summary>
internal enum FieldKind
{
    Title,
    Body,
    AltText,
    Caption,
    TaggedPerson,
}

/// <summary>
/// Per-draft scratch state: the draft's fields with their views and hits, and the findings so far.
/// Rented from a per-thread cache for each check and returned afterwards, so a warmed-up engine checks a
/// clean draft without allocating beyond its verdict.
/// </summary>
internal sealed class EvaluationContext
{
    [ThreadStatic]
    private static EvaluationContext? t_cached;

    private readonly List<FieldSlot> _slots = [];
    private readonly List<Finding> _findings = new(8);

    public Draft Draft { get; private set; } = null!;

    public IToxicityClassifier? Classifier { get; private set; }

    /// <summary>How many fields of the draft are loaded.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The field being checked by <see cref="CompiledRule.EvaluateField"/>.</summary>
    public FieldSlot Current { get; private set; } = null!;

    /// <summary>The highest classifier score over the draft's fields, or null when no classifier is configured.</summary>
    public double? Toxicity { get; set; }

    /// <summary>The field with the highest classifier score.</summary>
    public FieldSlot? MostToxicField { get; set; }

    public List<Finding> Findings => _findings;

    /// <summary>How many more characters of the draft may be checked.</summary>
    public int Budget { get; set; }

    /// <summary>True when a field was cut short because the draft is longer than the engine checks.</summary>
    public bool Truncated { get; set; }

    /// <summary>True when a field had more matches than the engine keeps (see <see cref="PostGuardEngine.MaxMatchesPerField"/>).</summary>
    public bool TooManyMatches { get; set; }

    /// <summary>True when part of the check failed or was skipped: the verdict is then at least review, whatever the policy.</summary>
    public bool FailedClosed { get; set; }

    private bool[] _patternsDone = [];

    public static EvaluationContext Rent(Draft draft, IToxicityClassifier? classifier, int setCount)
    {
        var context = t_cached ?? new EvaluationContext();
        t_cached = null;
        if (context._patternsDone.Length < setCount)
        {
            context._patternsDone = new bool[setCount];
        }

        context.Draft = draft;
        context.Classifier = classifier;
        context.FieldCount = 0;
        context.Toxicity = null;
        context.MostToxicField = null;
        context.FailedClosed = false;
        context._findings.Clear();
        return context;
    }

    public static void Return(EvaluationContext context)
    {
        context.Draft = null!;
        context.Current = null!;
        context.MostToxicField = null;
        context._findings.Clear();
        for (int i = 0; i < context.FieldCount; i++)
        {
            context._slots[i].Hits.Clear();
        }

        context.FieldCount = 0;
        t_cached = context;
    }

    /// <summary>Loads the next field's text into a slot and makes it <see cref="Current"/>.</summary>
    public FieldSlot LoadField(string name, string text, FieldKind kind, int attachment)
    {
        if (FieldCount == _slots.Count)
        {
            _slots.Add(new FieldSlot());
        }

        var slot = _slots[FieldCount++];
        slot.Text.Load(name, text);
        slot.Hits.Clear();
        slot.Kind = kind;
        slot.Attachment = attachment;
        slot.Toxicity = null;
        Current = slot;
        Array.Clear(_patternsDone);
        return slot;
    }

    /// <summary>
    /// Adds the hits of <paramref name="set"/>'s patterns in the current field, once per field. Pattern sets are run
    /// only when a rule needs them (e.g. a proximity rule whose anchor matched), so a clean draft never pays for them.
    /// </summary>
    public void EnsurePatternHits(TermSet set)
    {
        if (set.Patterns.Count == 0 || _patternsDone[set.Id])
        {
            return;
        }

        _patternsDone[set.Id] = true;
        var field = Current.Text;
        if (field.TokenCount == 0)
        {
            return;
        }

        var folded = field.Folded;
        for (int p = 0; p < set.Patterns.Count; p++)
        {
            foreach (var m in set.Patterns[p].EnumerateMatches(folded))
            {
                if (m.Length == 0)
                {
                    continue;
                }

                if (Current.Hits.Count >= PostGuardEngine.MaxMatchesPerField)
                {
                    TooManyMatches = true;
                    return;
                }

                int first = FirstTokenEndingAfter(field, m.Index);
                int last = LastTokenStartingBefore(field, m.Index + m.Length);
                if (first <= last && first < field.TokenCount && last >= 0)
                {
                    Current.Hits.Add(new TermHit(set.Id, -1 - p, first, last));
                }
            }
        }
    }

    private static int FirstTokenEndingAfter(FieldText field, int foldedIndex)
    {
        var tokens = field.Tokens;
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (tokens[mid].FoldEnd <= foldedIndex)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int LastTokenStartingBefore(FieldText field, int foldedEnd)
    {
        var tokens = field.Tokens;
        int lo = -1, hi = tokens.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (tokens[mid].FoldStart < foldedEnd)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>A loaded field by position.</summary>
    public FieldSlot Field(int index) => _slots[index];

    /// <summary>Makes a loaded field current (for rules that look back at every field).</summary>
    public void SetCurrent(FieldSlot slot)
    {
        Current = slot;
        Array.Clear(_patternsDone);
    }

    /// <summary>Whether set <paramref name="set"/> has a hit in the current field overlapping tokens <paramref name="from"/>..<paramref name="to"/>.</summary>
    public bool HasHit(int set, int from, int to)
    {
        var hits = Current.Hits;
        for (int i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            if (h.Set == set && h.First <= to && h.Last >= from)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether set <paramref name="set"/> has a hit in the current field that covers tokens <paramref name="from"/>..<paramref name="to"/> entirely.</summary>
    public bool IsCovered(int set, int from, int to)
    {
        var hits = Current.Hits;
        for (int i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            if (h.Set == set && h.First <= from && h.Last >= to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes a finding for tokens <paramref name="first"/>..<paramref name="last"/> of the current field.</summary>
    public void ReportTokens(RuleInfo rule, int first, int last, Severity? severity = null, string? suggestion = null, string? message = null)
    {
        var (start, length) = Current.Text.OriginalSpan(first, last);
        Report(rule, Current.Text, start, length, severity, suggestion, message);
    }

    /// <summary>Writes a finding for an original-text span of <paramref name="field"/>.</summary>
    public void Report(RuleInfo rule, FieldText field, int start, int length, Severity? severity = null, string? suggestion = null,
        string? message = null, IReadOnlyList<Evidence>? evidence = null)
    {
        if (_findings.Count >= PostGuardEngine.MaxFindings)
        {
            // the verdict says the check stopped (engine.too-many-matches); sorting and reporting stay bounded
            TooManyMatches = true;
            return;
        }

        _findings.Add(new Finding(
            rule.Id,
            rule.Category,
            severity ?? rule.Severity,
            message ?? rule.Message,
            rule.Policy,
            field.FieldName,
            start,
            length,
            field.Original.Substring(start, length),
            suggestion ?? rule.Suggestion)
        {
            Evidence = evidence,
        });
    }

    /// <summary>Writes a finding about the draft as a whole (no span).</summary>
    public void ReportDraft(RuleInfo rule, Severity? severity = null, string? message = null)
    {
        _findings.Add(new Finding(rule.Id, rule.Category, severity ?? rule.Severity, message ?? rule.Message, rule.Policy,
            "draft", 0, 0, string.Empty, rule.Suggestion));
    }
}
