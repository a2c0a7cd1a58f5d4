using PostGuard.Diagnostics;
using PostGuard.Rules.Consent;

namespace PostGuard.Rules.Tests.Loading;

/// <summary>
/// A rule pack or consent register that disappears, becomes unreadable or is half written is a
/// <see cref="PostGuardConfigurationException"/> from the loading API — never a partly loaded object — so a host that
/// reloads keeps its last good engine.
/// </summary>
public class ConfigurationFaultTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateFolder()
    {
        _dir = Directory.CreateTempSubdirectory("postguard-faults-");
        File.WriteAllText(Path.Combine(_dir.FullName, "pack.yaml"), TestPacks.PackYaml);
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "derogatory"));
        File.WriteAllText(Path.Combine(_dir.FullName, "derogatory", "insults.yaml"), TestPacks.Insults);
        File.Copy(Path.Combine(RepoPaths.Samples, "consent-register.csv"), Path.Combine(_dir.FullName, "register.csv"));
    }

    [TearDown]
    public void DeleteFolder() => _dir.Delete(recursive: true);

    private string At(string relative) => Path.Combine(_dir.FullName, relative);

    private static IReadOnlyList<ConfigurationDiagnostic> Throws(Func<object> load)
        => FluentActions.Invoking(load).Should().Throw<PostGuardConfigurationException>().Which.Diagnostics;

    [Test]
    public void Load_GoodFolder_Loads()
    {
        RulePack.Load(_dir.FullName).Rules.Should().ContainSingle();
        ConsentRegister.Load(At("register.csv")).Should().NotBeNull();
    }

    [Test]
    public void LoadPack_FolderDeleted_IsPG104()
    {
        var path = _dir.FullName;
        Directory.Delete(path, recursive: true);
        Throws(() => RulePack.Load(path)).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.Unreadable);
        Directory.CreateDirectory(path); // for TearDown
    }

    [Test]
    public void LoadPack_RuleFileReplacedByABrokenLink_IsPG104ForThatFile()
    {
        File.Delete(At("derogatory/insults.yaml"));
        File.CreateSymbolicLink(At("derogatory/insults.yaml"), At("derogatory/gone.yaml"));
        Throws(() => RulePack.Load(_dir.FullName)).Should().ContainSingle().Which.Should()
            .Match<ConfigurationDiagnostic>(d => d.Code == DiagnosticCodes.Unreadable && d.File == "derogatory/insults.yaml");
    }

    [Test]
    public void LoadPack_PackFileDeleted_IsAnErrorNotAPackWithoutPolicy()
    {
        File.Delete(At("pack.yaml"));
        Throws(() => RulePack.Load(_dir.FullName)).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.InvalidPack);
    }

    [TestCase("kind: terms\ncategory: derogatory\nseverity: hi")]
    [TestCase("kind: terms\ncategory: [derogatory")]
    [TestCase("")]
    public void LoadPack_RuleFileHalfWritten_IsAnErrorAndNoRuleLoads(string truncated)
    {
        File.WriteAllText(At("derogatory/more.yaml"), TestPacks.Insults.Replace("- stupid", "- twit"));
        File.WriteAllText(At("derogatory/insults.yaml"), truncated);
        Throws(() => RulePack.Load(_dir.FullName)).Should().NotBeEmpty().And.OnlyContain(d => d.File == "derogatory/insults.yaml");
    }

    [Test]
    public void LoadPack_BinaryGarbage_IsAnError()
    {
        File.WriteAllBytes(At("derogatory/insults.yaml"), [0xFF, 0xFE, 0x00, 0xD8, 0x00, 0x00, 0x1B, 0x5B, 0xC3, 0x28]);
        Throws(() => RulePack.Load(_dir.FullName)).Should().NotBeEmpty();
    }

    [Test]
    public void LoadRegister_FileDeleted_IsPG104()
    {
        File.Delete(At("register.csv"));
        Throws(() => ConsentRegister.Load(At("register.csv"))).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.Unreadable);
    }

    [Test]
    public void LoadRegister_PathIsAFolderOrABrokenLink_IsPG104()
    {
        Directory.CreateDirectory(At("folder.csv"));
        File.CreateSymbolicLink(At("link.csv"), At("gone.csv"));
        Throws(() => ConsentRegister.Load(At("folder.csv"))).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.Unreadable);
        Throws(() => ConsentRegister.Load(At("link.csv"))).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.Unreadable);
    }

    [Test]
    public void LoadRegister_HalfWritten_IsAnErrorAndNoPupilLoads()
    {
        var lines = File.ReadAllLines(At("register.csv"));
        File.WriteAllText(At("register.csv"), string.Join("\n", lines.Take(10)) + "\nA900000000011,May,,Ch");
        Throws(() => ConsentRegister.Load(At("register.csv"))).Should().NotBeEmpty().And.OnlyContain(d => d.Code == DiagnosticCodes.InvalidRegister);
    }

    [Test]
    public void LoadRegister_ColumnMapBesideItBroken_IsAnError()
    {
        File.WriteAllText(At("register.columns.yaml"), "upn: [UPN");
        Throws(() => ConsentRegister.Load(At("register.csv"))).Should().NotBeEmpty();
    }
}
