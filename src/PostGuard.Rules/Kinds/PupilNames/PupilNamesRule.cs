using PostGuard.Engine;
using PostGuard.Rules.Consent;
using PostGuard.Text;

namespace PostGuard.Rules.Kinds.PupilNames;

/// <summary>
/// The compiled <c>pupil-names</c> rule. Reads the hits of the register's names in every field (found by the
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

    /// <summary>
    /// Runs once per draft, after every field's hits are known: first finds every name in every field, then decides
    /// each one. A first name shared by several pupils is narrowed to the pupils the draft also names in full
    /// ("Amelia Smith ... well done Amelia!"), whichever comes first; the do-not-publish check is never narrowed.
    /// </summary>
    public override void EvaluateDraft(EvaluationContext context)
    {
        if (_index is null)
        {
            return;
        }

        List<(FieldSlot Slot, TermHit Hit)>? names = null;
        for (int f = 0; f < context.FieldCount; f++)
        {
            var slot = context.Field(f);
            context.SetCurrent(slot);
            Collect(context, slot, ref names);
        }

        if (names is null)
        {
            return;
        }

        HashSet<Pupil>? identified = null;
        foreach (var (_, hit) in names)
        {
            var entry = _index.Entries[hit.Entry];
            if (entry.Form != NameForm.First)
            {
                (identified ??= []).UnionWith(entry.Pupils);
            }
        }

        var attachments = context.Draft.Attachments ?? [];
        bool draftHasVisual = HasVisual(attachments);
        foreach (var (slot, hit) in names)
        {
            context.SetCurrent(slot);
            bool taggedInVisual = slot.Kind == FieldKind.TaggedPerson && slot.Attachment >= 0 && slot.Attachment < attachments.Count
                && attachments[slot.Attachment] is { IsVisual: true };
            Decide(context, hit, _index.Entries[hit.Entry], identified, taggedInVisual, draftHasVisual);
        }
    }

    /// <summary>Adds the names in <paramref name="slot"/>: at each place, the longest reading that holds up, and nothing inside it.</summary>
    private void Collect(EvaluationContext context, FieldSlot slot, ref List<(FieldSlot, TermHit)>? names)
    {
        var hits = slot.Hits;
        var field = slot.Text;
        bool tagged = slot.Kind == FieldKind.TaggedPerson;
        int titleCase = -1; // unknown until a word-name needs it
        int reportedUpTo = -1;
        for (int i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (hit.Set != _names || hit.First <= reportedUpTo)
            {
                continue;
            }

            // a full name over an initial over a first name
            TermHit best = default;
            bool found = false;
            for (int j = i; j < hits.Count; j++)
            {
                var other = hits[j];
                if (other.Set != _names || other.First != hit.First)
                {
                    continue;
                }

                var entry = _index!.Entries[other.Entry];
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

            if (found)
            {
                reportedUpTo = best.Last;
                (names ??= []).Add((slot, best));
            }
        }
    }

    private bool ReadsAsName(EvaluationContext context, FieldText field, TermHit hit, NameEntry entry, bool tagged, ref int titleCase)
    {
        switch (entry.Form)
        {
            case NameForm.Full:
                // a surname after it makes a name of any given name, even at a sentence start; a word-name still needs its capital
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

    private void Decide(EvaluationContext context, TermHit hit, NameEntry entry, HashSet<Pupil>? identified, bool taggedInVisual, bool draftHasVisual)
    {
        // consent is judged over the pupils the name can mean: all of them (counted in advance, so a name shared by
        // thousands costs nothing), or, for a first name, those of them the draft also names in full
        int n = entry.Pupils.Length, noName = entry.NoNameConsent, noPhoto = entry.NoPhotoConsent;
        bool narrow = false;
        if (entry.Form == NameForm.First && identified is not null)
        {
            int narrowed = 0, narrowedNoName = 0, narrowedNoPhoto = 0;
            foreach (var p in identified)
            {
                if (_index!.HasFirstName(p, hit.Entry))
                {
                    narrowed++;
                    narrowedNoName += p.NameConsent ? 0 : 1;
                    narrowedNoPhoto += p.PhotoConsent ? 0 : 1;
                }
            }

            if (narrowed > 0)
            {
                (narrow, n, noName, noPhoto) = (true, narrowed, narrowedNoName, narrowedNoPhoto);
            }
        }

        bool named = entry.Form != NameForm.First || narrow;
        string what = entry.Form switch
        {
            NameForm.Full => "full name",
            NameForm.Initial => "forename and surname initial",
            _ => "first name",
        };

        int doNotPublish = entry.DoNotPublish; // never narrowed: any pupil the name can mean
        if (doNotPublish > 0)
        {
            Report(context, hit, ConsentCase.DoNotPublish, entry.Form != NameForm.First && doNotPublish == entry.Pupils.Length
                ? $"Gives the {what} of a pupil on the do-not-publish list: they must not appear in any post."
                : $"This {what} belongs to {Pupils(doNotPublish)} on the do-not-publish list ({Share(entry.Pupils.Length)}): they must not appear in any post, even by first name.");
        }
        else if (taggedInVisual && noPhoto > 0)
        {
            if (noPhoto == n)
            {
                Report(context, hit, ConsentCase.TaggedWithoutPhotoConsent, n == 1 || named
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
            if (entry.Form != NameForm.First && noName == n)
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
        else if (draftHasVisual && (noPhoto == n || (named && noPhoto > 0)))
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
