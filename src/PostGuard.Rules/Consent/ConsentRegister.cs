using System.Security.Cryptography;
using System.Text;
using PostGuard.Diagnostics;

namespace PostGuard.Rules.Consent;

/// <summary>
/// The school's pupil consent register, as exported from its MIS: for each pupil the names they may be called by,
/// whether they may be named, whether they may be pictured, and whether they are on the do-not-publish list.
/// Give it to <see cref="PostGuardEngineBuilder.UseConsentRegister"/>; the <c>pupil-names</c> rules then find pupils'
/// names in drafts and decide from their consent.
/// </summary>
/// <remarks>
/// <para>
/// The CSV has a header row. PostGuard's own header is
/// <c>upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish</c>;
/// a <see cref="ConsentColumnMap"/> maps a school's own headers onto these. Consent values are yes/no, y/n,
/// true/false or 1/0 in any case; an empty consent value is no consent, and an empty do-not-publish value means
/// not on the list. Quoted fields, commas and apostrophes in names, a byte-order mark and CRLF line ends are read
/// as a spreadsheet writes them.
/// </para>
/// <para>
/// A register with any bad row is rejected as a whole, and every problem is reported at once with its row (as the
/// diagnostic's line; the header is row 1) and column. Messages name rows and columns, never a pupil.
/// </para>
/// <para>Immutable and thread-safe. The register holds personal data: it has no public member that exposes a name.</para>
/// </remarks>
public sealed class ConsentRegister
{
    /// <summary>Largest register file accepted (50 MiB).</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    internal ConsentRegister(IReadOnlyList<Pupil> pupils, string source, string contentHash)
    {
        Pupils = pupils;
        Source = source;
        ContentHash = contentHash;
    }

    /// <summary>How many pupils the register holds.</summary>
    public int Count => Pupils.Count;

    /// <summary>Where the register came from (its file name), as named in diagnostics.</summary>
    public string Source { get; }

    /// <summary>SHA-256 (first 16 hex digits) of the register's text and its column map; part of the engine's <see cref="PostGuardEngine.RulePackHash"/>.</summary>
    public string ContentHash { get; }

    internal IReadOnlyList<Pupil> Pupils { get; }

    /// <summary>
    /// Loads a register CSV. When <paramref name="columnsPath"/> is null and a file named like the CSV with
    /// <c>.columns.yaml</c> in place of <c>.csv</c> sits beside it (<c>register.csv</c> → <c>register.columns.yaml</c>),
    /// that column map is used; otherwise the default header is expected.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="columnsPath">A column-map YAML file, or null.</param>
    /// <exception cref="PostGuardConfigurationException">The file cannot be read or any row is invalid; every problem is listed.</exception>
    public static ConsentRegister Load(string path, string? columnsPath = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new PostGuardConfigurationException([new ConfigurationDiagnostic(DiagnosticCodes.Unreadable,
                "the consent register file does not exist", path, 0, 0)]);
        }

        if (columnsPath is null)
        {
            string beside = Path.ChangeExtension(path, ".columns.yaml");
            if (!string.Equals(beside, path, StringComparison.Ordinal) && File.Exists(beside))
            {
                columnsPath = beside;
            }
        }

        var columns = columnsPath is null ? ConsentColumnMap.Default : ConsentColumnMap.Load(columnsPath);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                throw new PostGuardConfigurationException([new ConfigurationDiagnostic(DiagnosticCodes.FileTooLarge,
                    $"the consent register is larger than {MaxFileBytes / (1024 * 1024)} MiB", path, 0, 0)]);
            }

            // detects a UTF-8 or UTF-16 byte-order mark; without one the file is read as UTF-8
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PostGuardConfigurationException([new ConfigurationDiagnostic(DiagnosticCodes.Unreadable,
                $"cannot read the consent register: {ex.GetType().Name}", path, 0, 0)]);
        }

        return Parse(text, path, columns);
    }

    /// <summary>Parses a register from CSV text.</summary>
    /// <param name="csv">The CSV, header row first.</param>
    /// <param name="file">Names the register in errors.</param>
    /// <param name="columns">The column map; null for the default header.</param>
    /// <exception cref="PostGuardConfigurationException">Any row is invalid; every problem is listed.</exception>
    public static ConsentRegister Parse(string csv, string file = "register.csv", ConsentColumnMap? columns = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        columns ??= ConsentColumnMap.Default;
        var diagnostics = new List<ConfigurationDiagnostic>();
        var pupils = ConsentCsvReader.Read(csv, columns, (row, column, message) =>
            diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.InvalidRegister, message, file, row, column)));
        if (pupils is null || diagnostics.Count > 0)
        {
            throw new PostGuardConfigurationException(diagnostics);
        }

        return new ConsentRegister(pupils, file, HashOf(csv, columns));
    }

    internal static string HashOf(string csv, ConsentColumnMap columns)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(csv.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal)));
        sha.AppendData([0]);
        sha.AppendData(Encoding.UTF8.GetBytes(columns.SourceText ?? string.Empty));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
