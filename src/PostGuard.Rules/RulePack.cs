using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using PostGuard.Diagnostics;
using PostGuard.Rules.Loading;

namespace PostGuard.Rules;

/// <summary>
/// A loaded and validated rule pack: its rules (definitions, not yet compiled), its pack-wide allow-list and its
/// decision policy. Compile it into an engine with <see cref="PostGuardEngineBuilder"/>.
/// </summary>
/// <remarks>
/// A pack is a folder of YAML files: <c>pack.yaml</c> (name, version, allow, policy) and one rule per file at
/// <c>&lt;category&gt;/&lt;name&gt;.yaml</c>. Immutable; loading reports every problem at once and never returns a
/// partly loaded pack.
/// </remarks>
public sealed class RulePack
{
    private const string ResourcePrefix = "PostGuard.DefaultPack/";

    internal RulePack(string name, string? version, string? description, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<string> allow,
        DecisionPolicy policy, string hash, string origin)
    {
        Name = name;
        Version = version;
        Description = description;
        Rules = rules;
        Allow = allow;
        Policy = policy;
        Hash = hash;
        Origin = origin;
    }

    /// <summary>The pack's name (from pack.yaml).</summary>
    public string Name { get; }

    /// <summary>The pack's version, if given.</summary>
    public string? Version { get; }

    /// <summary>What the pack is for.</summary>
    public string? Description { get; }

    /// <summary>Every rule, enabled or not, in file order.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Phrases no terms rule fires inside (Scunthorpe traps: "great tits", "Dick Whittington").</summary>
    public IReadOnlyList<string> Allow { get; }

    /// <summary>The severity → decision policy.</summary>
    public DecisionPolicy Policy { get; }

    /// <summary>SHA-256 (first 16 hex digits) of every file of the pack.</summary>
    public string Hash { get; }

    /// <summary>Where the pack came from: its folder, or <c>(default)</c>.</summary>
    public string Origin { get; }

    /// <summary>A rule by id, or null.</summary>
    public RuleDefinition? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads and validates the pack in <paramref name="directory"/>.</summary>
    /// <exception cref="PostGuardConfigurationException">The folder is missing or any file has a problem; every problem is listed.</exception>
    public static RulePack Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new PostGuardConfigurationException([new ConfigurationDiagnostic(DiagnosticCodes.Unreadable,
                "the rule pack folder does not exist", directory, 0, 0)]);
        }

        var files = new List<(string, string)>();
        var diagnostics = new List<ConfigurationDiagnostic>();
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories))
            {
                if (!file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
                try
                {
                    var info = new FileInfo(file);
                    if (info.Length > YamlReader.MaxFileBytes)
                    {
                        diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.FileTooLarge,
                            $"the file is larger than {YamlReader.MaxFileBytes / (1024 * 1024)} MiB", relative, 0, 0));
                        continue;
                    }

                    files.Add((relative, File.ReadAllText(file)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.Unreadable, $"cannot read the file: {ex.Message}", relative, 0, 0));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.Unreadable, $"cannot read the rule pack folder: {ex.Message}", directory, 0, 0));
        }

        if (diagnostics.Count > 0)
        {
            throw new PostGuardConfigurationException(diagnostics);
        }

        return RulePackLoader.Load(files, directory);
    }

    /// <summary>Loads a pack from in-memory files (relative path with '/' separators → YAML text).</summary>
    /// <exception cref="PostGuardConfigurationException">Any file has a problem.</exception>
    public static RulePack FromFiles(IReadOnlyDictionary<string, string> files, string origin = "(memory)")
        => RulePackLoader.Load([.. files.Select(kv => (kv.Key, kv.Value))], origin);

    /// <summary>The default UK schools pack shipped inside this assembly.</summary>
    public static RulePack LoadDefault() => s_default.Value;

    private static readonly Lazy<RulePack> s_default = new(() => RulePackLoader.Load(DefaultPackFiles(), "(default)"));

    /// <summary>The files of the default pack (relative path, text), as embedded in this assembly.</summary>
    internal static IReadOnlyList<(string Path, string Text)> DefaultPackFiles()
    {
        var assembly = typeof(RulePack).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files.Add((name[ResourcePrefix.Length..].Replace('\\', '/'), reader.ReadToEnd()));
        }

        return files;
    }

    internal static string HashOf(IEnumerable<(string Path, string Text)> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(path));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
            sha.AppendData([0]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
