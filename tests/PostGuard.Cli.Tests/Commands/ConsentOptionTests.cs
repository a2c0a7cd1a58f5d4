using System.Text.Json;

namespace PostGuard.Cli.Tests.Commands;

/// <summary><c>--consent</c> and <c>--consent-columns</c> on <c>postguard check</c> (EngineOptions).</summary>
public class ConsentOptionTests
{
    private static readonly string s_root = FindRoot();

    private static string Repo(string relative) => Path.Combine(s_root, relative);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static IEnumerable<TestCaseData> ConsentSamples()
        => Directory.GetFiles(Path.Combine(FindRoot(), "samples", "drafts"), "consent-*.json").Order()
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"Check_Sample_{Path.GetFileNameWithoutExtension(f)}"));

    [TestCaseSource(nameof(ConsentSamples))]
    public void Check_ConsentSample_HasItsExpectedDecision(string file)
    {
        string path = Repo(Path.Combine("samples", "drafts", file));
        string expected = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("expected").GetString()!;

        var (code, output, error) = Run("check", "--consent", Repo("samples/consent-register.csv"), "--profile", Repo("samples/school-profile.yaml"),
            "--format", "json", "--fail-on", "review", path);

        error.Should().BeEmpty();
        var decision = JsonDocument.Parse(output).RootElement.GetProperty("results")[0].GetProperty("decision").GetString();
        decision.Should().Be(expected);
        code.Should().Be(expected switch { "approve" => 0, "review" => 1, _ => 2 });
    }

    [Test]
    public void Check_ConsentSamples_CoverEveryDecision()
    {
        var expected = Directory.GetFiles(Repo("samples/drafts"), "consent-*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("expected").GetString())
            .ToList();

        expected.Should().HaveCountGreaterThanOrEqualTo(6).And.Contain("approve").And.Contain("review").And.Contain("reject");
    }

    [Test]
    public void Check_WithoutConsent_TheRuleDoesNothing()
    {
        var (code, _, _) = Run("check", Repo("samples/drafts/consent-02-reject-do-not-publish.json"));

        code.Should().Be(0);
    }

    [Test]
    public void Check_ConsentColumns_MapsTheSchoolsHeaders()
    {
        string dir = Directory.CreateTempSubdirectory("pg-cli-consent-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "export.csv"), "Pupil No,Legal Forename,Legal Surname,Name OK,\"Consent: Photographs (Website)\",DNP\r\nP1,Noah,Evans,y,y,y\r\n");
            File.WriteAllText(Path.Combine(dir, "map.yaml"),
                "upn: Pupil No\nforename: Legal Forename\nsurname: Legal Surname\nname_consent: Name OK\nphoto_consent: \"Consent: Photographs (Website)\"\ndo_not_publish: DNP\n");
            File.WriteAllText(Path.Combine(dir, "draft.txt"), "Well done Noah!");

            var (code, output, _) = Run("check", "--consent", Path.Combine(dir, "export.csv"), "--consent-columns", Path.Combine(dir, "map.yaml"),
                Path.Combine(dir, "draft.txt"));

            code.Should().Be(2);
            output.Should().Contain("pupil-consent.names");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Check_BadRegister_ExitsThreeAndNamesRowsNotPupils()
    {
        string dir = Directory.CreateTempSubdirectory("pg-cli-consent-").FullName;
        try
        {
            string csv = Path.Combine(dir, "register.csv");
            File.WriteAllText(csv, "upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish\nQ7731,Xanthe,,Quill,4,Quill,yes,no\n");
            File.WriteAllText(Path.Combine(dir, "draft.txt"), "Hello");

            var (code, output, error) = Run("check", "--consent", csv, Path.Combine(dir, "draft.txt"));

            code.Should().Be(3);
            error.Should().Contain("error PG160 row 2, column 6 'name_consent'");
            (output + error).Should().NotContain("Xanthe").And.NotContain("Quill").And.NotContain("Q7731");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Check_ConsentColumnsWithoutConsent_IsAUsageError()
    {
        var (code, _, error) = Run("check", "--consent-columns", "map.yaml", Repo("samples/drafts/consent-01-approve-consented-full-names.json"));

        code.Should().Be(3);
        error.Should().Contain("--consent-columns needs --consent");
    }

    [Test]
    public void TestRules_PupilNamesExamples_RunAgainstTheTestRegister()
    {
        // the pupil-names rule alone, so the other rules' examples (and the classifier's) do not count here
        string dir = Directory.CreateTempSubdirectory("pg-cli-names-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "pupil-consent"));
        File.Copy(Repo("rules/pack.yaml"), Path.Combine(dir, "pack.yaml"));
        File.Copy(Repo("rules/pupil-consent/names.yaml"), Path.Combine(dir, "pupil-consent", "names.yaml"));
        var (code, output, _) = Run("test-rules", "--rules", dir);

        code.Should().Be(0);
        output.Should().MatchRegex(@"\d+ passed, 0 failed");
        output.Should().NotContain("skipped");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PostGuard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find PostGuard.sln above the test folder");
    }
}
