using System.Text.RegularExpressions;
using PostGuard.Engine;

namespace PostGuard.Rules.Kinds.Pattern;

/// <summary>A check a pattern's match must pass to count (to tell a real identifier from any run of digits).</summary>
public enum PatternValidator
{
    /// <summary>No check.</summary>
    None,
    /// <summary>The Luhn checksum (payment card numbers).</summary>
    Luhn,
    /// <summary>The NHS number modulus-11 check digit.</summary>
    Nhs,
    /// <summary>The English Unique Pupil Number check letter.</summary>
    Upn,
    /// <summary>The National Insurance number prefix and suffix rules.</summary>
    NationalInsurance,
}

/// <summary>
/// <c>kind: pattern</c> — a regular expression over the folded text (lower case, compatibility forms folded,
/// invisible characters removed), with an optional checksum <see cref="Validator"/> and school-profile lists whose
/// entries are not findings.
/// </summary>
public sealed record PatternRuleDefinition : RuleDefinition
{
    /// <inheritdoc />
    public override string Kind => "pattern";

    /// <summary>The compiled expression (NonBacktracking where the pattern allows, otherwise with a match timeout).</summary>
    public required Regex Pattern { get; init; }

    /// <summary>The checksum a match must pass.</summary>
    public PatternValidator Validator { get; init; }

    /// <summary>Profile lists whose entries are allowed (the school's own phone numbers, emails, addresses).</summary>
    public IReadOnlyList<ProfileList> Profile { get; init; } = [];

    internal override CompiledRule Compile(RuleCompiler compiler)
        => new PatternRule(ToInfo(), Pattern, Validator, Profile, compiler.Profile?.Compile());
}

/// <summary>The compiled <c>pattern</c> rule.</summary>
internal sealed class PatternRule : CompiledRule
{
    private readonly Regex _regex;
    private readonly PatternValidator _validator;
    private readonly IReadOnlyList<ProfileList> _profileLists;
    private readonly CompiledProfile? _profile;

    public PatternRule(RuleInfo info, Regex regex, PatternValidator validator, IReadOnlyList<ProfileList> profileLists, CompiledProfile? profile)
        : base(info)
    {
        _regex = regex;
        _validator = validator;
        _profileLists = profileLists;
        _profile = profileLists.Count > 0 ? profile : null;
    }

    public override void EvaluateField(EvaluationContext context)
    {
        var field = context.Current.Text;
        var folded = field.Folded;
        foreach (var m in _regex.EnumerateMatches(folded))
        {
            if (m.Length == 0)
            {
                continue;
            }

            var value = folded.Slice(m.Index, m.Length);
            if (!Validators.Check(_validator, value))
            {
                continue;
            }

            if (_profile is not null && _profile.Allows(value, _profileLists))
            {
                continue;
            }

            var (start, length) = field.OriginalSpanOfFolded(m.Index, m.Index + m.Length);
            context.Report(Info, field, start, length);
        }
    }
}
