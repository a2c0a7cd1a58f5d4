using PostGuard.Diagnostics;

namespace PostGuard.Rules.Tests.Loading;

public class RulePackLoaderTests
{
    private static IReadOnlyList<ConfigurationDiagnostic> ErrorsOf(params (string Path, string Yaml)[] rules)
    {
        var act = () => TestPacks.Pack(rules);
        return act.Should().Throw<PostGuardConfigurationException>().Which.Diagnostics;
    }

    private static string Lines(IEnumerable<ConfigurationDiagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));

    [Test]
    public void Load_ValidPack_LoadsEveryRuleWithItsSource()
    {
        var pack = TestPacks.Pack(("derogatory/insults.yaml", TestPacks.Insults), ("confidential/phone.yaml", TestPacks.Phone));

        pack.Name.Should().Be("test-pack");
        pack.Rules.Select(r => r.Id).Should().Equal("confidential.phone", "derogatory.insults");
        pack.Find("derogatory.insults")!.Source.Should().Be(new SourceLocation("derogatory/insults.yaml", 1, 1));
        pack.Hash.Should().MatchRegex("^[0-9a-f]{16}$");
    }

    [Test]
    public void Load_MisspelledKey_SuggestsTheKnownKeyWithLineAndColumn()
    {
        var yaml = """
            kind: terms
            category: derogatory
            serverity: high
            message: m
            policy: p
            terms: [idiot]
            """;

        Lines(ErrorsOf(("derogatory/insults.yaml", yaml))).Should().Be("""
            derogatory/insults.yaml:3:1: error PG110 [derogatory.insults] unknown key 'serverity' — did you mean 'severity'?
            derogatory/insults.yaml:1:1: error PG111 [derogatory.insults] missing required key 'severity'
            """);
    }

    [Test]
    public void Load_WrongEnumValue_ListsTheAllowedValues()
    {
        var yaml = """
            kind: terms
            category: derogatory
            severity: hgih
            message: m
            policy: p
            terms: [idiot]
            """;

        Lines(ErrorsOf(("derogatory/insults.yaml", yaml))).Should().Be(
            "derogatory/insults.yaml:3:11: error PG112 [derogatory.insults] 'severity' must be one of low, medium, high (found 'hgih')");
    }

    [Test]
    public void Load_UnknownCategory_IsAnError()
    {
        var yaml = """
            kind: terms
            category: rude
            severity: high
            message: m
            policy: p
            terms: [idiot]
            """;

        var d = ErrorsOf(("derogatory/insults.yaml", yaml)).Single();
        d.Code.Should().Be(DiagnosticCodes.InvalidValue);
        (d.Line, d.Column).Should().Be((2, 11));
        d.Message.Should().Contain("confidential, personal-schedule, derogatory, pupil-consent, toxicity");
    }

    [Test]
    public void Load_CategoryOfAnotherFolder_IsAnError()
    {
        var yaml = TestPacks.Phone;
        var d = ErrorsOf(("derogatory/phone.yaml", yaml)).Single();
        d.Code.Should().Be(DiagnosticCodes.CategoryMismatch);
        d.RuleId.Should().Be("derogatory.phone");
        (d.Line, d.Column).Should().Be((2, 11));
    }

    [Test]
    public void Load_BadRegex_ReportsTheRuleAndPosition()
    {
        var yaml = """
            kind: pattern
            category: confidential
            severity: high
            message: m
            policy: p
            pattern: '(07\d{3'
            """;

        var d = ErrorsOf(("confidential/phone.yaml", yaml)).Single();
        d.Code.Should().Be(DiagnosticCodes.InvalidRegex);
        d.ToString().Should().StartWith("confidential/phone.yaml:6:10: error PG130 [confidential.phone] invalid regular expression:");
    }

    [Test]
    public void Load_MissingRequiredFields_ReportsEachOne()
    {
        var yaml = """
            kind: terms
            category: derogatory
            severity: high
            """;

        ErrorsOf(("derogatory/insults.yaml", yaml)).Select(d => d.Message).Should().BeEquivalentTo(
            "missing required key 'message'", "missing required key 'policy'", "missing required key 'terms'");
    }

    [Test]
    public void Load_DuplicateRuleId_NamesBothPlaces()
    {
        var yaml = TestPacks.Insults.Replace("kind: terms", "id: derogatory.insults\nkind: terms");
        var d = ErrorsOf(("derogatory/insults.yaml", TestPacks.Insults), ("derogatory/insults.yml", yaml)).Single();
        d.Code.Should().Be(DiagnosticCodes.DuplicateRuleId);
        d.Message.Should().Be("duplicate rule id 'derogatory.insults' (first defined at derogatory/insults.yaml:1:1)");
        d.File.Should().Be("derogatory/insults.yml");
    }

    [Test]
    public void Load_IdNotFollowingPath_IsAnError()
    {
        var yaml = "id: derogatory.rude\n" + TestPacks.Insults;
        var d = ErrorsOf(("derogatory/insults.yaml", yaml)).Single();
        d.Code.Should().Be(DiagnosticCodes.IdMismatch);
        (d.Line, d.Column).Should().Be((1, 5));
    }

    [Test]
    public void Load_UnknownKind_SuggestsTheClosest()
    {
        var yaml = TestPacks.Insults.Replace("kind: terms", "kind: term");
        var d = ErrorsOf(("derogatory/insults.yaml", yaml)).First();
        d.Code.Should().Be(DiagnosticCodes.UnknownKind);
        d.Message.Should().StartWith("unknown rule kind 'term' — did you mean 'terms'?");
    }

    [Test]
    public void Load_DuplicateKey_IsAnErrorAtTheDuplicate()
    {
        var yaml = TestPacks.Insults + "\nseverity: low\n";
        var d = ErrorsOf(("derogatory/insults.yaml", yaml)).Single();
        d.Code.Should().Be(DiagnosticCodes.DuplicateKey);
        d.Line.Should().BeGreaterThan(1);
    }

    [Test]
    public void Load_YamlSyntaxError_ReportsLineAndColumn()
    {
        var yaml = "kind: terms\ncategory: [derogatory\nseverity: high\n";
        var d = ErrorsOf(("derogatory/insults.yaml", yaml)).Single();
        d.Code.Should().Be(DiagnosticCodes.YamlSyntax);
        d.Line.Should().BeGreaterThan(1);
    }

    [Test]
    public void Load_WrongType_SaysWhatWasExpected()
    {
        var yaml = TestPacks.Insults.Replace("severity: high", "severity: [high]");
        var d = ErrorsOf(("derogatory/insults.yaml", yaml)).Single();
        d.Code.Should().Be(DiagnosticCodes.InvalidValue);
        d.Message.Should().Contain("found a list");
    }

    [Test]
    public void Load_ErrorsInSeveralFiles_AreAllReportedAndNothingLoads()
    {
        var bad1 = TestPacks.Insults.Replace("severity: high", "severity: extreme");
        var bad2 = TestPacks.Phone.Replace("profile: phones", "profile: faxes");
        var errors = ErrorsOf(("derogatory/insults.yaml", bad1), ("confidential/phone.yaml", bad2));
        errors.Select(e => e.File).Should().BeEquivalentTo("derogatory/insults.yaml", "confidential/phone.yaml");
    }

    [Test]
    public void Load_NoPackFile_IsAnError()
    {
        var act = () => RulePack.FromFiles(new Dictionary<string, string> { ["derogatory/insults.yaml"] = TestPacks.Insults });
        act.Should().Throw<PostGuardConfigurationException>().Which.Diagnostics.Single().Code.Should().Be(DiagnosticCodes.InvalidPack);
    }

    [Test]
    public void Load_MissingFolder_IsAClearError()
    {
        var act = () => RulePack.Load("/no/such/folder");
        act.Should().Throw<PostGuardConfigurationException>().Which.Diagnostics.Single().ToString()
            .Should().Be("/no/such/folder: error PG104 the rule pack folder does not exist");
    }

    [Test]
    public void Load_AliasBomb_IsRejectedQuickly()
    {
        var yaml = """
            kind: terms
            category: derogatory
            severity: high
            message: m
            policy: p
            a: &a ["x","x","x","x","x","x","x","x","x"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            terms: *g
            """;

        var d = ErrorsOf(("derogatory/insults.yaml", yaml)).First();
        d.Code.Should().Be(DiagnosticCodes.TooComplex);
    }

    [Test]
    public void Load_PolicyFile_SetsDecisionsPerAudience()
    {
        var pack = TestPacks.Pack(("derogatory/insults.yaml", TestPacks.Insults));
        pack.Policy.DecisionFor(Severity.Low, "public").Should().Be(Decision.Review);
        pack.Policy.DecisionFor(Severity.Low, "parents").Should().Be(Decision.Approve);
        pack.Policy.DecisionFor(Severity.Low, null).Should().Be(Decision.Review, "a draft without an audience is judged as public");
    }
}
