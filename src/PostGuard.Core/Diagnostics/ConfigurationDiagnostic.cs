using System.Text;

namespace PostGuard.Diagnostics;

/// <summary>
/// A problem found while loading configuration (a rule pack, a school profile, a consent register), with the
/// place it was found. Formatted as <c>file:line:col: error CODE [rule-id] message</c>, the form editors and CI understand.
/// </summary>
/// <param name="Code">A stable code, e.g. <c>PG110</c> (see <see cref="DiagnosticCodes"/>).</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
/// <param name="File">The file, as given to the loader.</param>
/// <param name="Line">1-based line (for CSV, the row), or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="RuleId">The rule the problem is in, when there is one.</param>
/// <param name="Path">The key path within the rule, e.g. <c>terms[3].severity</c>.</param>
public sealed record ConfigurationDiagnostic(string Code, string Message, string? File, int Line, int Column, string? RuleId = null, string? Path = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (File is not null)
        {
            sb.Append(File);
            if (Line > 0)
            {
                sb.Append(':').Append(Line);
                if (Column > 0)
                {
                    sb.Append(':').Append(Column);
                }
            }

            sb.Append(": ");
        }

        sb.Append("error ").Append(Code);
        if (RuleId is not null)
        {
            sb.Append(" [").Append(RuleId).Append(']');
        }

        sb.Append(' ').Append(Message);
        return sb.ToString();
    }
}

/// <summary>The configuration could not be loaded; nothing of it was used.</summary>
public sealed class PostGuardConfigurationException : Exception
{
    /// <summary>Creates the exception from every problem found.</summary>
    public PostGuardConfigurationException(IReadOnlyList<ConfigurationDiagnostic> diagnostics)
        : base(Format(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ConfigurationDiagnostic> Diagnostics { get; }

    private static string Format(IReadOnlyList<ConfigurationDiagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        sb.Append(diagnostics.Count == 1 ? "1 configuration error" : $"{diagnostics.Count} configuration errors");
        foreach (var d in diagnostics)
        {
            sb.AppendLine().Append(d);
        }

        return sb.ToString();
    }
}

/// <summary>The diagnostic codes PostGuard reports.</summary>
public static class DiagnosticCodes
{
    /// <summary>The YAML is not well formed.</summary>
    public const string YamlSyntax = "PG100";
    /// <summary>A key appears twice in one mapping.</summary>
    public const string DuplicateKey = "PG101";
    /// <summary>A value has the wrong shape (a list where a mapping was expected, ...).</summary>
    public const string WrongType = "PG102";
    /// <summary>A file is larger than the loader accepts.</summary>
    public const string FileTooLarge = "PG103";
    /// <summary>A file or folder could not be read.</summary>
    public const string Unreadable = "PG104";
    /// <summary>The YAML nests deeper, or has more nodes, than the loader accepts.</summary>
    public const string TooComplex = "PG105";
    /// <summary>A key is not one the loader knows.</summary>
    public const string UnknownKey = "PG110";
    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "PG111";
    /// <summary>A value is not one of the allowed values.</summary>
    public const string InvalidValue = "PG112";
    /// <summary>A number is missing or out of range.</summary>
    public const string InvalidNumber = "PG113";
    /// <summary>A rule's id does not follow its file path.</summary>
    public const string IdMismatch = "PG120";
    /// <summary>Two rules share an id.</summary>
    public const string DuplicateRuleId = "PG121";
    /// <summary>A rule's category does not match its folder.</summary>
    public const string CategoryMismatch = "PG122";
    /// <summary>A rule's kind is not known.</summary>
    public const string UnknownKind = "PG123";
    /// <summary>A regular expression does not parse.</summary>
    public const string InvalidRegex = "PG130";
    /// <summary>A term has no words, or a word is too long.</summary>
    public const string InvalidTerm = "PG131";
    /// <summary>A rule has nothing to match.</summary>
    public const string EmptyTermSet = "PG132";
    /// <summary>An example is malformed.</summary>
    public const string InvalidExample = "PG140";
    /// <summary>The pack has no pack.yaml or no rules.</summary>
    public const string InvalidPack = "PG150";
    /// <summary>A consent register row or column is invalid.</summary>
    public const string InvalidRegister = "PG160";
}
