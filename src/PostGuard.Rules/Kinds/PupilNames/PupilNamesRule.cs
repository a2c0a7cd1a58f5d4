using PostGuard.Engine;
using PostGuard.Rules.Consent;
using PostGuard.Text;

namespace PostGuard.Rules.Kinds.PupilNames;

/// <summary>
/// The compiled <c>pupil-names</c> rule. Reads the hits of the register's names in each field (found by the
/// engine's single pass over the tokens), keeps the longest one at each place that reads as a name, and decides
/// from the consent of every pupil the name can refer to. Messages count pupils and never name them; the finding's
/// excerpt is the draft's own text.
/// </summary>
internal sealed class PupilNamesRule : CompiledRule
{
    private readonly CaseTemplate[] _cases;
    private readonly PupilNameIndex? _index;
    private readonly int _names;
    private readonly int _phrases;

    public PupilNamesRule(RuleInfo info, CaseTemplate[] cases, PupilNameIndex? index, int namesSet, int phrasesSet)
        : base(info)
    {
        _cases = cases;
        _index = index;
        _names = namesSet;
        _phrases = phrasesSet;
    }

    /// <summary>A case's resolved severity, suggestion and optional message override.</summary>
    internal readonly record struct CaseTemplate(Severity Severity, string Suggestion, string? Message);

    internal static string DefaultSuggestion(ConsentCase c) => c switch
    {
        ConsentCase.DoNotPublish => "Remove the name; this pupil is on the do-not-publish list.",
        ConsentCase.NameWithoutConsent => "Remove the name, or get name consent first.",
        ConsentCase.AmbiguousName => "Check which pupil is meant; remove the name if they have no consent.",
        ConsentCase.TaggedWithoutPhotoConsent => "Remove the photo or get photo consent.",
        ConsentCase.FullNameWithPhoto => "Use the first name only.",
        ConsentCase.NamedWithoutPhotoConsent => "Remove the photo or get photo consent.",
        _ => string.Empty,
    };

    public override void EvaluateField(EvaluationContext context)
    {
        if (_index is null)
        {
            return;
        }

        var slot = context.Current;
        var hits = slot.Hits;
        var field = slot.Text;
        bool tagged = slot.Kind == FieldKind.TaggedPerson;
        var attachments = context.Draft.Attachments ?? [];
        bool taggedInVisual = tagged && slot.Attachment >= 0 && slot.Attachment < attachments.Count && attachments[slot.Attachment] is { IsVisual: true };
        int titleCase = -1; // unknown until a word-name needs it
        int reportedUpTo = -1;
        for (int i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (hit.Set != _names || hit.First <= reportedUpTo)
            {
                continue;
            }

            // the longest reading at this place that holds up (a full name over an initial over a first name)
            TermHit best = default;
            bool found = false;
            for (int j = i; j < hits.Count; j++)
            {
                var other = hits[j];
                if (other.Set != _names || other.First != hit.First)
                {
                    continue;
                }

                var entry = _index.Entries[other.Entry];
                if (found && (other.Last < best.Last || (other.Last == best.Last && entry.Form <= _index.Entries[best.Entry].Form)))
                {
                    continue;
                }

                if (ReadsAsName(context, field, other, entry, tagged, ref titleCase))
                {
                    best = other;
                    found = true;
                }
            }

            if (!found)
            {
                continue;
            }

            reportedUpTo = best.Last;
            Decide(context, best, _index.Entries[best.Entry], taggedInVisual, HasVisual(attachments));
        }
    }

    private bool ReadsAsName(EvaluationContext context, FieldText field, TermHit hit, NameEntry entry, bool tagged, ref int titleCase)
    {
        switch (entry.Form)
        {
            case NameForm.Full:
                // "Grace Smith": a word-name needs its capital, even at a sentence start ("grace smith" in running text is still a name when capitalised)
                return tagged || !entry.CommonWord || field[hit.First].Has(TokenFlags.Capitalized);

            case NameForm.Initial:
            {
                ref readonly var initial = ref field[hit.Last];
                if (initial.WordLength != 1 || !initial.Has(TokenFlags.Capitalized) || NameHeuristics.ApostropheBetween(field, hit.Last - 1, hit.Last))
                {
                    return false; // "Amelia's" is a possessive, not "Amelia S."
                }

                if (tagged || !entry.CommonWord)
                {
                    return true;
                }

                // "Will I ..." is not "Will I."; a word-name with an initial needs its capital and the initial's full stop
                return field[hit.First].Has(TokenFlags.Capitalized) && NameHeuristics.FollowedByFullStop(field, hit.Last);
            }

            default:
                if (tagged || !entry.CommonWord)
                {
                    return true;
                }

                if (titleCase < 0)
                {
                    var hits = context.Current.Hits;
                    int names = _names;
                    titleCase = NameHeuristics.IsTitleCase(field, t => IsNameToken(hits, names, t)) ? 1 : 0;
                }

                return NameHeuristics.ReadsAsName(field, hit.First, hit.Last, titleCase == 1)
                    && !context.HasHit(_phrases, hit.First, hit.Last);
        }
    }

    private static bool IsNameToken(List<TermHit> hits, int set, int token)
    {
        for (int i = 0; i < hits.Count; i++)
        {
            if (hits[i].Set == set && hits[i].First <= token && hits[i].Last >= token)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasVisual(IReadOnlyList<Attachment> attachments)
    {
        for (int a = 0; a < attachments.Count; a++)
        {
            if (attachments[a] is { IsVisual: true })
            {
                return true;
            }
        }

        return false;
    }

    private void Decide(EvaluationContext context, TermHit hit, NameEntry entry, bool taggedInVisual, bool draftHasVisual)
    {
        var pupils = entry.Pupils;
        int n = pupils.Length, doNotPublish = 0, noName = 0, noPhoto = 0;
        foreach (var p in pupils)
        {
            doNotPublish += p.DoNotPublish ? 1 : 0;
            noName += p.NameConsent ? 0 : 1;
            noPhoto += p.PhotoConsent ? 0 : 1;
        }

        bool identified = entry.Form != NameForm.First;
        string what = entry.Form switch
        {
            NameForm.Full => "full name",
            NameForm.Initial => "forename and surname initial",
            _ => "first name",
        };

        if (doNotPublish > 0)
        {
            Report(context, hit, ConsentCase.DoNotPublish, identified && doNotPublish == n
                ? $"Gives the {what} of a pupil on the do-not-publish list: they must not appear in any post."
                : $"This {what} belongs to {Pupils(doNotPublish)} on the do-not-publish list ({Share(n)}): they must not appear in any post, even by first name.");
        }
        else if (taggedInVisual && noPhoto > 0)
        {
            if (noPhoto == n)
            {
                Report(context, hit, ConsentCase.TaggedWithoutPhotoConsent, n == 1 || identified
                    ? "Tags a pupil without photo consent in an image or video."
                    : $"Tags a {what} that {n} pupils share, none of whom has photo consent, in an image or video.");
            }
            else
            {
                Report(context, hit, ConsentCase.AmbiguousName,
                    $"This tag matches {n} pupils on the register and {noPhoto} of them {Have(noPhoto)} no photo consent: check who is pictured.");
            }
        }
        else if (noName > 0)
        {
            if (identified && noName == n)
            {
                Report(context, hit, ConsentCase.NameWithoutConsent, $"Gives the {what} of a pupil who has no consent to be named.");
            }
            else
            {
                Report(context, hit, ConsentCase.AmbiguousName, n == 1
                    ? $"This {what} matches a pupil on the register who has no consent to be named: check who is meant."
                    : $"This {what} matches {n} pupils on the register and {noName} of them {Have(noName)} no consent to be named: check who is meant.");
            }
        }
        else if (draftHasVisual && (noPhoto == n || (identified && noPhoto > 0)))
        {
            Report(context, hit, ConsentCase.NamedWithoutPhotoConsent,
                $"The post has an image or video and gives the {what} of a pupil who has no photo consent.");
        }
        else if (draftHasVisual && entry.Form == NameForm.Full)
        {
            Report(context, hit, ConsentCase.FullNameWithPhoto,
                "Gives a pupil's full name in a post with an image or video: never name and picture a child together.");
        }
    }

    private void Report(EvaluationContext context, TermHit hit, ConsentCase c, string message)
    {
        var template = _cases[(int)c];
        context.ReportTokens(Info, hit.First, hit.Last, template.Severity, template.Suggestion, template.Message ?? message);
    }

    private static string Pupils(int n) => n == 1 ? "a pupil" : $"{n} pupils";

    private static string Share(int n) => n == 1 ? "no other pupil on the register has it" : $"{n} pupils on the register share it";

    private static string Have(int n) => n == 1 ? "has" : "have";
}
