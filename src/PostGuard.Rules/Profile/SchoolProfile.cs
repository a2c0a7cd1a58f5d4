using PostGuard.Diagnostics;
using PostGuard.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace PostGuard.Rules;

/// <summary>Which list of the school profile a pattern rule's matches are compared with.</summary>
public enum ProfileList
{
    /// <summary>The school's published phone numbers (compared by digits; +44 counts as 0).</summary>
    Phones,
    /// <summary>The school's published email addresses (case-insensitive).</summary>
    Emails,
    /// <summary>The school's email domains: any address at them is the school's.</summary>
    EmailDomains,
    /// <summary>The school's published postal addresses (compared ignoring case, spacing and punctuation).</summary>
    Addresses,
}

/// <summary>
/// The school's own published contact details. Rules that find personal data (phone numbers, emails, addresses)
/// do not report these: the school office number is meant to be published.
/// </summary>
/// <remarks>Loaded from YAML: <c>school: { name, phones: [...], emails: [...], emailDomains: [...], addresses: [...] }</c>.</remarks>
public sealed record SchoolProfile
{
    private static readonly string[] s_rootKeys = ["school"];
    private static readonly string[] s_schoolKeys = ["name", "phones", "emails", "emailDomains", "addresses"];

    /// <summary>The school's name.</summary>
    public string? Name { get; init; }

    /// <summary>Published phone numbers, in any spacing.</summary>
    public IReadOnlyList<string> Phones { get; init; } = [];

    /// <summary>Published email addresses.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Email domains that belong to the school (e.g. <c>millbrook.sch.uk</c>).</summary>
    public IReadOnlyList<string> EmailDomains { get; init; } = [];

    /// <summary>Published postal addresses.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>The file the profile came from, if any (its content is part of the engine's hash).</summary>
    public string? ContentHashSource { get; init; }

    /// <summary>Loads a profile from a YAML file.</summary>
    /// <exception cref="PostGuardConfigurationException">The file is missing, unreadable or invalid.</exception>
    public static SchoolProfile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PostGuardConfigurationException([new ConfigurationDiagnostic(DiagnosticCodes.Unreadable, $"cannot read the school profile: {ex.Message}", path, 0, 0)]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses a profile from YAML text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="PostGuardConfigurationException">The YAML is invalid.</exception>
    public static SchoolProfile Parse(string yaml, string file = "profile.yaml")
    {
        var diagnostics = new List<ConfigurationDiagnostic>();
        var reader = new YamlReader(file, diagnostics);
        var root = reader.AsMapping(reader.Parse(yaml), "profile");
        SchoolProfile? profile = null;
        if (root is not null)
        {
            reader.CheckKeys(root, s_rootKeys);
            var school = YamlReader.Get(root, "school");
            if (school is null)
            {
                reader.Error(DiagnosticCodes.MissingKey, "missing required key 'school'", root, "school");
            }
            else if (reader.AsMapping(school, "school") is { } map)
            {
                reader.CheckKeys(map, s_schoolKeys, "school");
                profile = new SchoolProfile
                {
                    Name = reader.String(map, "name", required: false),
                    Phones = reader.StringList(map, "phones") ?? [],
                    Emails = reader.StringList(map, "emails") ?? [],
                    EmailDomains = reader.StringList(map, "emailDomains") ?? [],
                    Addresses = reader.StringList(map, "addresses") ?? [],
                    ContentHashSource = yaml,
                };
            }
        }
        else if (diagnostics.Count == 0)
        {
            diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.MissingKey, "the profile is empty; expected 'school:'", file, 0, 0));
        }

        if (diagnostics.Count > 0 || profile is null)
        {
            throw new PostGuardConfigurationException(diagnostics);
        }

        return profile;
    }

    /// <summary>The compiled, normalised form used while matching.</summary>
    internal CompiledProfile Compile() => new(this);
}

/// <summary>A school profile normalised for comparison with matches.</summary>
internal sealed class CompiledProfile
{
    private readonly HashSet<string> _phones;
    private readonly HashSet<string> _emails;
    private readonly string[] _domains;
    private readonly string[] _addresses;

    public CompiledProfile(SchoolProfile profile)
    {
        _phones = new HashSet<string>(profile.Phones.Select(PhoneDigits).Where(d => d.Length > 0), StringComparer.Ordinal);
        _emails = new HashSet<string>(profile.Emails.Select(e => e.Trim().ToLowerInvariant()), StringComparer.Ordinal);
        _domains = [.. profile.EmailDomains.Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Where(d => d.Length > 0)];
        _addresses = [.. profile.Addresses.Select(a => Letters(a)).Where(a => a.Length > 0)];
    }

    /// <summary>Whether <paramref name="match"/> (folded text) is one of the school's own details in any of <paramref name="lists"/>.</summary>
    public bool Allows(ReadOnlySpan<char> match, IReadOnlyList<ProfileList> lists)
    {
        foreach (var list in lists)
        {
            switch (list)
            {
                case ProfileList.Phones when _phones.Count > 0:
                    if (_phones.Contains(PhoneDigits(match.ToString())))
                    {
                        return true;
                    }

                    break;
                case ProfileList.Emails when _emails.Count > 0:
                    if (_emails.Contains(match.Trim().ToString()))
                    {
                        return true;
                    }

                    break;
                case ProfileList.EmailDomains:
                    foreach (var domain in _domains)
                    {
                        var m = match.Trim();
                        if (m.EndsWith(domain, StringComparison.Ordinal) && m.Length > domain.Length && m[m.Length - domain.Length - 1] is '@' or '.')
                        {
                            return true;
                        }
                    }

                    break;
                case ProfileList.Addresses:
                    string letters = Letters(match.ToString());
                    if (letters.Length > 0)
                    {
                        foreach (var address in _addresses)
                        {
                            if (address.Contains(letters, StringComparison.Ordinal))
                            {
                                return true;
                            }
                        }
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>The digits of a phone number, with the UK country code written as a leading 0.</summary>
    internal static string PhoneDigits(string phone)
    {
        var s = phone.Replace("(0)", string.Empty, StringComparison.Ordinal);
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("44", StringComparison.Ordinal) && s.TrimStart().StartsWith('+'))
        {
            digits = "0" + digits[2..];
        }
        else if (digits.StartsWith("0044", StringComparison.Ordinal))
        {
            digits = "0" + digits[4..];
        }

        return digits;
    }

    private static string Letters(string s) => new(s.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
