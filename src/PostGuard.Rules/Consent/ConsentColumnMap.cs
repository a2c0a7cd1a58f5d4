using PostGuard.Diagnostics;
using PostGuard.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace PostGuard.Rules.Consent;

/// <summary>
/// Which header of a school's MIS export holds each field of the consent register. Headers are compared ignoring
/// case and surrounding spaces. The defaults are PostGuard's own header:
/// <c>upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish</c>.
/// </summary>
/// <remarks>
/// Loaded from a small YAML file whose keys are PostGuard's field names and whose values are the export's headers,
/// e.g. <c>forename: Legal Forename</c>. Fields the file does not mention keep their default header.
/// <see cref="PreferredName"/> and <see cref="YearGroup"/> are optional columns; the others are required.
/// </remarks>
public sealed record ConsentColumnMap
{
    /// <summary>The field names, as used in a column-map file.</summary>
    internal static readonly string[] FieldNames =
        ["upn", "forename", "preferred_name", "surname", "year_group", "name_consent", "photo_consent", "do_not_publish"];

    /// <summary>PostGuard's own header.</summary>
    public static ConsentColumnMap Default { get; } = new();

    /// <summary>The unique pupil number column. Default <c>upn</c>.</summary>
    public string Upn { get; init; } = "upn";

    /// <summary>The legal forename column. Default <c>forename</c>.</summary>
    public string Forename { get; init; } = "forename";

    /// <summary>The preferred (known-as) forename column; optional in the file. Default <c>preferred_name</c>.</summary>
    public string PreferredName { get; init; } = "preferred_name";

    /// <summary>The surname column. Default <c>surname</c>.</summary>
    public string Surname { get; init; } = "surname";

    /// <summary>The year group column; optional in the file. Default <c>year_group</c>.</summary>
    public string YearGroup { get; init; } = "year_group";

    /// <summary>Consent to be named (yes/no). Default <c>name_consent</c>.</summary>
    public string NameConsent { get; init; } = "name_consent";

    /// <summary>Consent to be photographed or filmed for publication (yes/no). Default <c>photo_consent</c>.</summary>
    public string PhotoConsent { get; init; } = "photo_consent";

    /// <summary>On the school's do-not-publish list (yes/no). Default <c>do_not_publish</c>.</summary>
    public string DoNotPublish { get; init; } = "do_not_publish";

    /// <summary>The text the map was loaded from, if any (part of the register's content hash).</summary>
    internal string? SourceText { get; init; }

    /// <summary>The header for a field name (<c>upn</c>, <c>forename</c>, ...).</summary>
    internal string HeaderOf(string field) => field switch
    {
        "upn" => Upn,
        "forename" => Forename,
        "preferred_name" => PreferredName,
        "surname" => Surname,
        "year_group" => YearGroup,
        "name_consent" => NameConsent,
        "photo_consent" => PhotoConsent,
        "do_not_publish" => DoNotPublish,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Loads a column map from a YAML file.</summary>
    /// <param name="path">The file, e.g. <c>register.columns.yaml</c>.</param>
    /// <exception cref="PostGuardConfigurationException">The file cannot be read or is invalid; every problem is listed.</exception>
    public static ConsentColumnMap Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PostGuardConfigurationException([new ConfigurationDiagnostic(DiagnosticCodes.Unreadable,
                $"cannot read the consent column map: {ex.Message}", path, 0, 0)]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses a column map from YAML text (<c>field: Header</c> lines).</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="file">Names the file in errors.</param>
    /// <exception cref="PostGuardConfigurationException">The YAML is invalid, names an unknown field, or maps two fields to one header.</exception>
    public static ConsentColumnMap Parse(string yaml, string file = "register.columns.yaml")
    {
        var diagnostics = new List<ConfigurationDiagnostic>();
        var reader = new YamlReader(file, diagnostics);
        var root = reader.AsMapping(reader.Parse(yaml), "columns");
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root is not null)
        {
            reader.CheckKeys(root, FieldNames);
            foreach (var field in FieldNames)
            {
                if (reader.String(root, field, required: false) is { } header)
                {
                    if (header.Trim().Length == 0)
                    {
                        reader.Error(DiagnosticCodes.InvalidValue, $"the header for '{field}' is empty", YamlReader.Get(root, field), field);
                        continue;
                    }

                    headers[field] = header.Trim();
                }
            }
        }
        else if (diagnostics.Count == 0)
        {
            diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.MissingKey,
                "the column map is empty; expected lines such as 'forename: Legal Forename'", file, 0, 0));
        }

        string Header(string field, string fallback) => headers.TryGetValue(field, out var h) ? h : fallback;
        var map = new ConsentColumnMap
        {
            Upn = Header("upn", Default.Upn),
            Forename = Header("forename", Default.Forename),
            PreferredName = Header("preferred_name", Default.PreferredName),
            Surname = Header("surname", Default.Surname),
            YearGroup = Header("year_group", Default.YearGroup),
            NameConsent = Header("name_consent", Default.NameConsent),
            PhotoConsent = Header("photo_consent", Default.PhotoConsent),
            DoNotPublish = Header("do_not_publish", Default.DoNotPublish),
            SourceText = yaml,
        };

        if (root is not null)
        {
            foreach (var group in FieldNames.GroupBy(f => map.HeaderOf(f), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                var fields = group.ToList();
                reader.Error(DiagnosticCodes.InvalidValue,
                    $"'{string.Join("' and '", fields)}' are mapped to the same header '{group.Key}'",
                    YamlReader.Get(root, fields[^1]) ?? root, fields[^1]);
            }
        }

        if (diagnostics.Count > 0)
        {
            throw new PostGuardConfigurationException(diagnostics);
        }

        return map;
    }
}
