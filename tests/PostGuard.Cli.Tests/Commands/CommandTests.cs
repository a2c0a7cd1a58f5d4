using PostGuard.Cli.Commands;
using PostGuard.Rules;

namespace PostGuard.Cli.Tests.Commands;

public class CommandTests
{
    [Test]
    public void Explain_KnownRule_PrintsEverythingAboutIt()
    {
        var run = new CliRun().Run("explain", "--rules", Path.Combine(CliRun.Fixtures, "pack"), "confidential.phone");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("confidential.phone")
            .And.Contain("kind:        pattern")
            .And.Contain("category:    confidential")
            .And.Contain("severity:    high")
            .And.Contain("acceptable:  no")
            .And.Contain("Description: Finds UK mobile numbers (07...).")
            .And.Contain("Policy:      Test AUP 4.2: never publish personal phone numbers")
            .And.Contain("Suggestion:  Give the school office number instead.")
            .And.Contain("flags: Call Mrs Patel on 07700 900123.")
            .And.Contain("passes: Call the office on 01632 960000.");
    }

    [Test]
    public void Explain_UnknownRule_SuggestsTheClosestAndExits3()
    {
        var run = new CliRun().Run("explain", "--rules", Path.Combine(CliRun.Fixtures, "pack"), "confidential.phnoe");

        run.ExitCode.Should().Be(3);
        run.StderrLines.Should().Equal("postguard: no rule 'confidential.phnoe' in cli-test-pack — did you mean 'confidential.phone'?");
    }

    [Test]
    public void Explain_AcceptableKey_DefaultsByCategory()
    {
        var pack = RulePack.Load(Path.Combine(CliRun.Fixtures, "pack"));

        pack.Find("confidential.phone")!.Acceptable.Should().BeFalse();
        pack.Find("derogatory.insult")!.Acceptable.Should().BeTrue();
        pack.Find("derogatory.mild")!.Acceptable.Should().BeTrue();
    }

    [Test]
    public void Init_EmptyFolder_WritesRulesProfileAndConsentRegister()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pg-init-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = new CliRun { WorkingDirectory = Path.GetTempPath() }.Run("init", dir);

            run.ExitCode.Should().Be(0);
            File.ReadAllText(Path.Combine(dir, "consent-register.csv")).Split('\n')[0]
                .Should().Be("upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish");
            File.ReadAllText(Path.Combine(dir, "school-profile.yaml")).Should().Contain("school:");
            foreach (var (path, text) in RulePack.DefaultPackFiles())
            {
                File.ReadAllText(Path.Combine(dir, "rules", path)).Should().Be(text);
            }

            SchoolProfile.Load(Path.Combine(dir, "school-profile.yaml")).Name.Should().Be("Example Primary School");
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Test]
    public void Init_ExistingFiles_RefusesUnlessForce()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pg-init-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, InitCommand.ProfileFile), "mine");
            var refused = new CliRun { WorkingDirectory = dir }.Run("init");
            File.ReadAllText(Path.Combine(dir, InitCommand.ProfileFile)).Should().Be("mine");
            File.Exists(Path.Combine(dir, InitCommand.ConsentFile)).Should().BeFalse();
            var forced = new CliRun { WorkingDirectory = dir }.Run("init", "--force");

            refused.ExitCode.Should().Be(3);
            refused.StderrLines.Should().ContainSingle().Which.Should().Contain("school-profile.yaml already exists").And.Contain("--force");
            forced.ExitCode.Should().Be(0);
            File.ReadAllText(Path.Combine(dir, InitCommand.ProfileFile)).Should().Contain("school:");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Help_Root_HasUsageExitCodesAndExamples()
    {
        var run = new CliRun().Run("--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("Usage:").And.Contain("Exit codes:").And.Contain("Examples:")
            .And.Contain("postguard check").And.Contain("explain").And.Contain("init");
    }

    [Test]
    public void Help_Check_ListsOptionsWithDefaultsExitCodesAndExamples()
    {
        var run = new CliRun().Run("check", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("--format").And.Contain("[default: text]")
            .And.Contain("--fail-on").And.Contain("[default: reject]")
            .And.Contain("--scheduled-within").And.Contain("--baseline").And.Contain("--write-baseline")
            .And.Contain("--csv-columns").And.Contain("--show-excerpts")
            .And.Contain("Exit codes:").And.Contain("3  usage or configuration error").And.Contain("Examples:");
    }
}
