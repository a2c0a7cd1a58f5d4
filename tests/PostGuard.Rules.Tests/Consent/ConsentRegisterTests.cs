using System.Diagnostics;
using System.Text;
using PostGuard.Diagnostics;
using PostGuard.Rules.Consent;

namespace PostGuard.Rules.Tests.Consent;

public class ConsentRegisterTests
{
    private const string Header = "upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish";

    private static PostGuardConfigurationException ParseFails(string csv, ConsentColumnMap? columns = null)
    {
        var act = () => ConsentRegister.Parse(csv, "register.csv", columns);
        return act.Should().Throw<PostGuardConfigurationException>().Which;
    }

    [Test]
    public void Parse_DefaultHeader_ReadsEveryPupil()
    {
        var register = ConsentRegister.Parse($"""
            {Header}
            A1,Amelia,,Smith,4,yes,yes,no
            A2,Oliver,Olly,Brown,5,no,yes,no
            """);

        register.Count.Should().Be(2);
        var olly = register.Pupils[1];
        olly.Forename.Should().Be("Oliver");
        olly.PreferredName.Should().Be("Olly");
        olly.NameConsent.Should().BeFalse();
        olly.PhotoConsent.Should().BeTrue();
        olly.DoNotPublish.Should().BeFalse();
        olly.Row.Should().Be(3);
    }

    [TestCase("yes", true)]
    [TestCase("YES", true)]
    [TestCase("Y", true)]
    [TestCase("true", true)]
    [TestCase("True", true)]
    [TestCase("1", true)]
    [TestCase("no", false)]
    [TestCase("N", false)]
    [TestCase("FALSE", false)]
    [TestCase("0", false)]
    [TestCase("", false)]
    [TestCase("  ", false)]
    public void Parse_YesNoVariants_AreRead(string value, bool expected)
    {
        var register = ConsentRegister.Parse($"{Header}\nA1,Amelia,,Smith,4,{value},{value},{value}\n");

        register.Pupils[0].NameConsent.Should().Be(expected);
        register.Pupils[0].PhotoConsent.Should().Be(expected);
        register.Pupils[0].DoNotPublish.Should().Be(expected);
    }

    [Test]
    public void Parse_QuotedFieldsWithCommasQuotesAndApostrophes_AreRead()
    {
        var register = ConsentRegister.Parse(Header + "\n"
            + "A1,\"Mary Jane\",,\"Watson, Jr\",6,yes,yes,no\n"
            + "A2,Liam,,O'Brien,6,yes,yes,no\n"
            + "A3,Siobhán,,\"O’Neill \"\"Junior\"\"\",6,yes,yes,no\n");

        register.Pupils.Select(p => p.Surname).Should().Equal("Watson, Jr", "O'Brien", "O’Neill \"Junior\"");
        register.Pupils[0].Forename.Should().Be("Mary Jane");
    }

    [Test]
    public void Parse_ByteOrderMarkAndCrlf_AreRead()
    {
        var register = ConsentRegister.Parse("\uFEFF" + Header + "\r\nA1,Amelia,,Smith,4,yes,yes,no\r\nA2,Zoë,,Clarke,3,no,no,no\r\n");

        register.Count.Should().Be(2);
        register.Pupils[1].Forename.Should().Be("Zoë");
        register.Pupils[1].DoNotPublish.Should().BeFalse();
    }

    [Test]
    public void Load_FileWithUtf8ByteOrderMark_IsRead()
    {
        string path = Path.Combine(Path.GetTempPath(), $"pg-register-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Header + "\r\nA1,Zoë,,Clarke,3,yes,no,no\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var register = ConsentRegister.Load(path);

            register.Count.Should().Be(1);
            register.Pupils[0].Forename.Should().Be("Zoë");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Parse_BlankLinesAndEmptyRows_AreSkipped()
    {
        var register = ConsentRegister.Parse($"{Header}\n\nA1,Amelia,,Smith,4,yes,yes,no\n,,,,,,,\n");

        register.Count.Should().Be(1);
    }

    [Test]
    public void Parse_ColumnMap_ReadsTheSchoolsOwnHeaders()
    {
        var columns = ConsentColumnMap.Parse("""
            upn: UPN
            forename: Legal Forename
            preferred_name: Preferred Forename
            surname: Legal Surname
            year_group: Year
            name_consent: "Consent: Name (Website)"
            photo_consent: "Consent: Photographs (Website)"
            do_not_publish: Do Not Publish
            """);

        var register = ConsentRegister.Parse("""
            Legal Surname,Legal Forename,Preferred Forename,UPN,Year,"Consent: Photographs (Website)","Consent: Name (Website)",Do Not Publish,Tutor Group
            Smith,Amelia,Millie,A1,4,No,Yes,No,4B
            """, "export.csv", columns);

        var pupil = register.Pupils.Should().ContainSingle().Which;
        pupil.Surname.Should().Be("Smith");
        pupil.PreferredName.Should().Be("Millie");
        pupil.NameConsent.Should().BeTrue();
        pupil.PhotoConsent.Should().BeFalse();
    }

    [Test]
    public void Load_ColumnMapBesideTheCsv_IsUsed()
    {
        string dir = Directory.CreateTempSubdirectory("pg-register-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "register.csv"), "Pupil No,First,Last,Name OK,Photo OK,DNP\nA1,Amelia,Smith,y,n,n\n");
            File.WriteAllText(Path.Combine(dir, "register.columns.yaml"),
                "upn: Pupil No\nforename: First\nsurname: Last\nname_consent: Name OK\nphoto_consent: Photo OK\ndo_not_publish: DNP\n");

            var register = ConsentRegister.Load(Path.Combine(dir, "register.csv"));

            register.Count.Should().Be(1);
            register.Pupils[0].NameConsent.Should().BeTrue();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Parse_SameContent_SameHash_AndColumnMapChangesIt()
    {
        string csv = $"{Header}\nA1,Amelia,,Smith,4,yes,yes,no\n";

        ConsentRegister.Parse(csv).ContentHash.Should().Be(ConsentRegister.Parse(csv.Replace("\n", "\r\n")).ContentHash);
        ConsentRegister.Parse(csv).ContentHash.Should().NotBe(ConsentRegister.Parse(csv.Replace("yes,yes", "yes,no")).ContentHash);
        ConsentRegister.Parse(csv, columns: ConsentColumnMap.Parse("upn: upn")).ContentHash.Should().NotBe(ConsentRegister.Parse(csv).ContentHash);
    }

    // ------------------------------------------------------------------ errors

    [Test]
    public void Parse_MissingColumn_ReportsRowOneAndTheColumn()
    {
        var ex = ParseFails("upn,forename,surname,name_consent,do_not_publish\nA1,Amelia,Smith,yes,no\n");

        var d = ex.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be(DiagnosticCodes.InvalidRegister);
        d.Line.Should().Be(1);
        d.ToString().Should().Be(
            "register.csv:1: error PG160 row 1: missing column 'photo_consent'; the header has: upn, forename, surname, name_consent, do_not_publish");
    }

    [Test]
    public void Parse_MissingMappedColumn_NamesTheFieldItIsFor()
    {
        var ex = ParseFails($"{Header}\nA1,Amelia,,Smith,4,yes,yes,no\n", ConsentColumnMap.Parse("photo_consent: Consent Photographs"));

        ex.Diagnostics.Single().Message.Should().StartWith("row 1: missing column 'Consent Photographs' (for 'photo_consent')");
    }

    [Test]
    public void Parse_BadYesNoValue_ReportsRowAndColumn()
    {
        var ex = ParseFails($"{Header}\nA1,Amelia,,Smith,4,yes,yes,no\nA2,Oliver,,Brown,5,yes,maybe,no\n");

        var d = ex.Diagnostics.Should().ContainSingle().Which;
        d.Line.Should().Be(3);
        d.Column.Should().Be(7);
        d.ToString().Should().Be(
            "register.csv:3:7: error PG160 row 3, column 7 'photo_consent': must be yes or no (also y/n, true/false, 1/0; empty means no)");
    }

    [Test]
    public void Parse_EmptyForename_ReportsRowAndColumn()
    {
        var ex = ParseFails($"{Header}\nA1, ,,Smith,4,yes,yes,no\n");

        var d = ex.Diagnostics.Should().ContainSingle().Which;
        (d.Line, d.Column).Should().Be((2, 2));
        d.Message.Should().Be("row 2, column 2 'forename': empty; every pupil needs a forename and a surname");
    }

    [Test]
    public void Parse_DuplicateUpn_ReportsBothRows()
    {
        var ex = ParseFails($"{Header}\nA1,Amelia,,Smith,4,yes,yes,no\nA2,Oliver,,Brown,5,yes,yes,no\na1,Zoe,,Clarke,5,yes,yes,no\n");

        var d = ex.Diagnostics.Should().ContainSingle().Which;
        (d.Line, d.Column).Should().Be((4, 1));
        d.Message.Should().Be("row 4, column 1 'upn': duplicate pupil number (first on row 2)");
    }

    [Test]
    public void Parse_WrongNumberOfFields_ReportsTheRow()
    {
        var ex = ParseFails($"{Header}\nA1,Amelia,,Smith, Jr,4,yes,yes,no\n");

        ex.Diagnostics.Single().Message.Should().Be("row 2 has 9 fields but the header has 8; quote any field that contains a comma");
    }

    [Test]
    public void Parse_QuoteInsideUnquotedField_ReportsTheRow()
    {
        var ex = ParseFails($"{Header}\nA1,Amelia,,Smi\"th,4,yes,yes,no\n");

        ex.Diagnostics.Should().Contain(d => d.Line == 2 && d.Code == DiagnosticCodes.InvalidRegister);
    }

    [Test]
    public void Parse_SeveralBadRows_ReportsEveryProblemAndLoadsNothing()
    {
        var ex = ParseFails($"""
            {Header}
            A1,Amelia,,Smith,4,yes,yes,no
            A2,,,Brown,5,yes,yes,no
            A3,Zoe,,,5,perhaps,yes,no
            A1,Liam,,O'Brien,6,yes,yes,nope
            """);

        ex.Diagnostics.Select(d => (d.Line, d.Column)).Should().Equal((3, 2), (4, 4), (4, 6), (5, 1), (5, 8));
        ex.Message.Should().StartWith("5 configuration errors");
    }

    [Test]
    public void Load_MissingFile_ReportsItAsUnreadable()
    {
        var act = () => ConsentRegister.Load("no-such-register.csv");

        act.Should().Throw<PostGuardConfigurationException>().Which.Diagnostics.Single().ToString()
            .Should().Be("no-such-register.csv: error PG104 the consent register file does not exist");
    }

    [Test]
    public void Parse_EmptyText_ReportsAnEmptyRegister()
    {
        ParseFails(string.Empty).Diagnostics.Single().Message.Should().Contain("empty");
    }

    [Test]
    public void Parse_Errors_NeverContainAPupilsNameOrUpn()
    {
        string[] secrets = ["Xanthe", "Quill", "Brunhilde", "Okonkwo", "Ysolde", "Zebedee", "UPN7731", "UPN7732", "UPN7733", "UPN7734"];
        var ex = ParseFails($"""
            {Header}
            UPN7731,Xanthe,,Quill,4,Quill,yes,no
            UPN7732,Brunhilde,,Okonkwo, Jr,4,yes,yes,no
            UPN7731,Ysolde,,Zebedee,4,yes,Ysolde,no
            UPN7733,Xanthe,,Q"uill,4,yes,yes,no
            UPN7734,,,,4,yes,yes,Zebedee
            """);

        ex.Diagnostics.Should().HaveCountGreaterThan(4);
        foreach (var secret in secrets)
        {
            ex.Message.Should().NotContainEquivalentOf(secret);
            ex.ToString().Should().NotContainEquivalentOf(secret);
        }
    }

    [Test]
    public void Pupil_ToString_NamesOnlyTheRow()
    {
        var register = ConsentRegister.Parse($"{Header}\nA1,Amelia,,Smith,4,yes,yes,no\n");

        register.Pupils[0].ToString().Should().Be("pupil on register row 2");
        register.ToString().Should().NotContain("Amelia");
    }

    [Test]
    public void ColumnMap_UnknownKey_IsReported()
    {
        var act = () => ConsentColumnMap.Parse("forname: First\n", "register.columns.yaml");

        act.Should().Throw<PostGuardConfigurationException>().Which.Diagnostics.Single().ToString()
            .Should().Be("register.columns.yaml:1:1: error PG110 unknown key 'forname' — did you mean 'forename'?");
    }

    [Test]
    public void ColumnMap_TwoFieldsOnOneHeader_IsReported()
    {
        var act = () => ConsentColumnMap.Parse("name_consent: Consent\nphoto_consent: consent\n");

        act.Should().Throw<PostGuardConfigurationException>().Which.Diagnostics.Single().Message
            .Should().Be("'name_consent' and 'photo_consent' are mapped to the same header 'Consent'");
    }

    [Test]
    public void Parse_FiftyThousandPupils_TakesWellUnderASecond()
    {
        string csv = LargeRegister(50_000);
        ConsentRegister.Parse(LargeRegister(100)); // warm up

        // CPU time, not wall time: the shared build machine's load must not fail the test
        var watch = Stopwatch.StartNew();
        var cpu = CpuTime();
        var register = ConsentRegister.Parse(csv);
        cpu = CpuTime() - cpu;
        TestContext.Out.WriteLine($"50,000 pupils: {cpu.TotalMilliseconds:F0} ms CPU, {watch.ElapsedMilliseconds} ms wall");

        register.Count.Should().Be(50_000);
        cpu.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    internal static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    internal static string LargeRegister(int pupils)
    {
        string[] forenames = ["Amelia", "Oliver", "Zoë", "Liam", "Grace", "Noah", "Isla", "Will", "Mohammed", "Priya", "Siobhán", "Kacper"];
        string[] surnames = ["Smith", "O'Brien", "Smith-Jones", "Khan", "Patel", "Nowak", "Murphy", "Jones", "Evans", "Okafor"];
        var sb = new StringBuilder(pupils * 64).Append(Header).Append('\n');
        for (int i = 0; i < pupils; i++)
        {
            // synthetic but distinct names: a forename, a numbered surname stem, consent flags varying
            sb.Append('U').Append(i).Append(',')
              .Append(forenames[i % forenames.Length]).Append(i % 7 == 0 ? "a" : string.Empty).Append(",,")
              .Append(surnames[i % surnames.Length]).Append(i / 10).Append(",5,")
              .Append(i % 3 == 0 ? "no" : "yes").Append(',')
              .Append(i % 5 == 0 ? "no" : "yes").Append(',')
              .Append(i % 97 == 0 ? "yes" : "no").Append('\n');
        }

        return sb.ToString();
    }
}
