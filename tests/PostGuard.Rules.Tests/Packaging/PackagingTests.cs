using System.Diagnostics;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.Json;
using PostGuard.Serialization;

namespace PostGuard.Rules.Tests.Packaging;

/// <summary>
/// Packs PostGuard.Core, PostGuard.Rules and the postguard tool into a temporary feed and builds a throwaway console app that references
/// PostGuard.Rules from that feed only (PostGuard.* maps to the feed; everything else to the machine's sources), calls
/// <c>services.AddPostGuard()</c>, moderates a draft and prints the verdict. Takes a minute or two (a Release build).
/// </summary>
[Category("Packaging")]
[NonParallelizable]
public class PackagingTests
{
    private const string DraftBody = "Mrs Patel is on holiday from 3rd to 17th August, you idiot.";

    private string _temp = null!;

    [SetUp]
    public void SetUp() => _temp = Directory.CreateTempSubdirectory("postguard-packaging-").FullName;

    [TearDown]
    public void TearDown()
    {
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Test]
    public void Pack_ConsoleAppReferencingTheFeed_AddPostGuardModeratesWithTheEmbeddedDefaultPack()
    {
        string root = RepositoryRoot();
        string feed = Path.Combine(_temp, "feed");
        Run(root, "pack", Path.Combine("src", "PostGuard.Rules", "PostGuard.Rules.csproj"), "-c", "Release", "-o", feed, "--nologo");
        Run(root, "pack", Path.Combine("src", "PostGuard.Core", "PostGuard.Core.csproj"), "-c", "Release", "-o", feed, "--nologo", "--no-build");
        Run(root, "pack", Path.Combine("src", "PostGuard.Cli", "PostGuard.Cli.csproj"), "-c", "Release", "-o", feed, "--nologo");

        foreach (var id in new[] { "PostGuard.Core", "PostGuard.Rules" })
        {
            File.Exists(Path.Combine(feed, $"{id}.0.1.0.snupkg")).Should().BeTrue($"{id} ships symbols");
            using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.0.1.0.nupkg"));
            package.Entries.Select(e => e.FullName).Should().Contain(["README.md", $"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"]);
            using var nuspec = new StreamReader(package.GetEntry($"{id}.nuspec")!.Open());
            nuspec.ReadToEnd().Should().Contain("<license type=\"expression\">MIT</license>").And.Contain("<readme>README.md</readme>").And.Contain("<tags>");
        }

        using (var tool = ZipFile.OpenRead(Path.Combine(feed, "PostGuard.Cli.0.1.0.nupkg")))
        {
            File.Exists(Path.Combine(feed, "PostGuard.Cli.0.1.0.snupkg")).Should().BeTrue("the tool ships symbols");
            tool.Entries.Select(e => e.FullName).Should().Contain(["README.md", "tools/net10.0/any/DotnetToolSettings.xml"]);
            using var nuspec = new StreamReader(tool.GetEntry("PostGuard.Cli.nuspec")!.Open());
            nuspec.ReadToEnd().Should().Contain("<packageType name=\"DotnetTool\" />").And.Contain("<license type=\"expression\">MIT</license>");
        }

        string app = Path.Combine(_temp, "app");
        WriteApp(app, feed);
        string output = Run(app, "run", "-c", "Release", "--nologo");

        string json = output[output.IndexOf('{', StringComparison.Ordinal)..];
        var verdict = JsonSerializer.Deserialize<Verdict>(json, PostGuardJson.Options)!;
        var expected = PostGuardEngineBuilder.CreateDefault().Evaluate(new Draft { Id = "packaged", Body = DraftBody });
        verdict.Id.Should().Be("packaged");
        verdict.RulePack.Should().Be(expected.RulePack);
        verdict.RulePackHash.Should().Be(expected.RulePackHash, "the package embeds the same default pack");
        verdict.Decision.Should().Be(expected.Decision);
        verdict.Findings.Select(f => f.RuleId).Should().Equal(expected.Findings.Select(f => f.RuleId));
    }

    private static void WriteApp(string app, string feed)
    {
        Directory.CreateDirectory(app);
        // Stop MSBuild and NuGet from looking further up for the repository's (or anyone's) settings.
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(app, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <!-- A private packages folder: a PostGuard.Rules 0.1.0 cached by an earlier run is never used. -->
                <RestorePackagesPath>$(MSBuildThisFileDirectory)packages</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PostGuard.Rules" Version="0.1.0" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), $$"""
            using Microsoft.Extensions.DependencyInjection;
            using PostGuard;
            using PostGuard.Serialization;

            var services = new ServiceCollection();
            services.AddPostGuard();
            using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            var moderator = provider.GetRequiredService<IPostModerator>();
            Verdict verdict = moderator.Moderate(new Draft { Id = "packaged", Body = "{{DraftBody}}" });
            Console.WriteLine(PostGuardJson.Serialize(verdict));
            """);

        var config = new StringBuilder();
        config.AppendLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        config.AppendLine("<configuration>");
        config.AppendLine("  <packageSources>");
        config.AppendLine("    <clear />");
        config.AppendLine($"    <add key=\"postguard-feed\" value=\"{SecurityElement.Escape(feed)}\" />");
        var others = new List<string>();
        string cache = GlobalPackagesFolder();
        if (Directory.Exists(cache))
        {
            // The machine's package cache, read as a local feed: the Microsoft.Extensions packages without a download.
            config.AppendLine($"    <add key=\"machine-cache\" value=\"{SecurityElement.Escape(cache)}\" />");
            others.Add("machine-cache");
        }

        int n = 0;
        foreach (var source in MachineSources())
        {
            string key = $"registry{n++}";
            config.AppendLine($"    <add key=\"{key}\" value=\"{SecurityElement.Escape(source)}\" />");
            others.Add(key);
        }

        config.AppendLine("  </packageSources>");
        config.AppendLine("  <packageSourceMapping>");
        config.AppendLine("    <packageSource key=\"postguard-feed\"><package pattern=\"PostGuard.*\" /></packageSource>");
        foreach (var key in others)
        {
            config.AppendLine($"    <packageSource key=\"{key}\"><package pattern=\"*\" /></packageSource>");
        }

        config.AppendLine("  </packageSourceMapping>");
        config.AppendLine("</configuration>");
        File.WriteAllText(Path.Combine(app, "nuget.config"), config.ToString());
    }

    /// <summary>The enabled package sources of this machine (the registry mirror), as <c>dotnet nuget list source</c> reports them.</summary>
    private static IEnumerable<string> MachineSources()
    {
        string output = Run(Path.GetTempPath(), "nuget", "list", "source", "--format", "short");
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("E ", StringComparison.Ordinal))
            {
                yield return line[2..].Trim();
            }
        }
    }

    private static string GlobalPackagesFolder()
    {
        string output = Run(Path.GetTempPath(), "nuget", "locals", "global-packages", "--list");
        int colon = output.IndexOf("global-packages:", StringComparison.Ordinal);
        return colon < 0 ? string.Empty : output[(colon + "global-packages:".Length)..].Trim();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PostGuard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PostGuard.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    private static string Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside `dotnet test`: don't let its MSBuild settings leak into the child builds.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} timed out after 5 minutes\n{stdout.Result}\n{stderr.Result}");
        }

        if (process.ExitCode != 0)
        {
            Assert.Fail($"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        }

        return stdout.Result;
    }
}
