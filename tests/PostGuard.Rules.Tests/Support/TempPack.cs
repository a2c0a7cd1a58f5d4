namespace PostGuard.Rules.Tests.Support;

/// <summary>A rule pack in a temporary folder, with one terms rule whose term and severity a test can rewrite.</summary>
internal sealed class TempPack : IDisposable
{
    public const string RuleFile = "derogatory/insults.yaml";

    public TempPack(string term = "stupid", string severity = "high")
    {
        Root = Path.Combine(Path.GetTempPath(), "postguard-tests", Guid.NewGuid().ToString("N"));
        Rules = Path.Combine(Root, "rules");
        Directory.CreateDirectory(Path.Combine(Rules, "derogatory"));
        File.WriteAllText(Path.Combine(Rules, "pack.yaml"), "name: test-pack\nversion: 1.0.0\n");
        WriteRule(term, severity);
    }

    /// <summary>The temporary folder (the pack is in <see cref="Rules"/>; profiles and registers can sit beside it).</summary>
    public string Root { get; }

    /// <summary>The pack folder.</summary>
    public string Rules { get; }

    public static string RuleYaml(string term, string severity) => $"""
        kind: terms
        category: derogatory
        severity: {severity}
        message: Calls someone a name.
        policy: "Test AUP 1.2: be kind"
        terms: [{term}]
        """;

    public void WriteRule(string term, string severity) => Write(RuleFile, RuleYaml(term, severity));

    public void Write(string relativePath, string text)
    {
        string path = Path.Combine(Rules, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string WriteBeside(string fileName, string text)
    {
        string path = Path.Combine(Root, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public PostGuardOptions Options(bool watch = false) => new()
    {
        RulesPath = Rules,
        WatchForChanges = watch,
        ReloadDebounce = TimeSpan.FromMilliseconds(50),
        PollInterval = TimeSpan.FromMilliseconds(200),
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
