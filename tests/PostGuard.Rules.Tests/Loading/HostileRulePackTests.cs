using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using PostGuard.Diagnostics;
using PostGuard.Rules.Kinds.Pattern;
using PostGuard.Rules.Kinds.Terms;

namespace PostGuard.Rules.Tests.Loading;

/// <summary>
/// A hostile rule pack (catastrophic regular expressions, YAML bombs, deep nesting, huge files, duplicate keys and ids,
/// wrong types, unknown kinds, YAML tags naming .NET types) is either a clear error or harmless, in bounded time and
/// memory; it never hangs the engine and never instantiates anything but plain YAML nodes.
/// </summary>
public class HostileRulePackTests
{
    private const long MemoryBound = 64L * 1024 * 1024;

    private static IReadOnlyList<ConfigurationDiagnostic> ErrorsOf(params (string Path, string Yaml)[] rules)
    {
        var act = () => TestPacks.Pack(rules);
        return act.Should().Throw<PostGuardConfigurationException>().Which.Diagnostics;
    }

    /// <summary>Runs <paramref name="load"/> and checks it stays within a time and allocation bound (both generous: a bomb is orders of magnitude beyond them).</summary>
    private static T Bounded<T>(Func<T> load)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = load();
        watch.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().BeLessThan(MemoryBound, "loading allocates a bounded amount");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "loading takes bounded time");
        return result;
    }

    private static string Rule(string kindAndBody) => $"""
        category: derogatory
        severity: high
        message: m
        policy: p
        {kindAndBody}
        """;

    // ------------------------------------------------------------------ regular expressions

    [Test]
    public void Load_NestedQuantifierPattern_RunsNonBacktrackingAndStaysFast()
    {
        var yaml = """
            kind: pattern
            category: confidential
            severity: high
            message: m
            policy: p
            pattern: '(a+)+$'
            """;
        var pack = TestPacks.Pack(("confidential/evil.yaml", yaml));
        var regex = ((PatternRuleDefinition)pack.Find("confidential.evil")!).Pattern;
        regex.Options.Should().HaveFlag(RegexOptions.NonBacktracking);

        var engine = new PostGuardEngineBuilder().UseRulePack(pack).UseClassifier(null).Build();
        var watch = Stopwatch.StartNew();
        var verdict = engine.Check(new string('a', 100_000) + "!", "staff");
        watch.Stop();

        verdict.Findings.Should().BeEmpty("no run of a's is followed by the end of the text");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "a backtracking engine would need 2^100000 steps; NonBacktracking is linear");
    }

    [Test]
    public void Load_LookaroundPattern_FallsBackToBacktrackingWithTheTimeout()
    {
        var yaml = TestPacks.CatastrophicLookaround;
        var regex = ((PatternRuleDefinition)TestPacks.Pack(("confidential/evil.yaml", yaml)).Find("confidential.evil")!).Pattern;
        regex.Options.Should().NotHaveFlag(RegexOptions.NonBacktracking);
        regex.MatchTimeout.Should().Be(TimeSpan.FromMilliseconds(250));
    }

    [Test]
    public void DefaultPack_EveryPattern_RunsNonBacktracking()
    {
        var pack = RulePack.LoadDefault();
        var patterns = pack.Rules.OfType<PatternRuleDefinition>().Select(r => (r.Id, r.Pattern))
            .Concat(pack.Rules.OfType<TermsRuleDefinition>().SelectMany(r => r.Terms.Patterns.Select(p => (r.Id, p))));
        foreach (var (id, regex) in patterns)
        {
            regex.Options.Should().HaveFlag(RegexOptions.NonBacktracking, $"{id}'s pattern cannot hang on any draft");
        }
    }

    // ------------------------------------------------------------------ YAML bombs and size

    [Test]
    public void Load_AliasBombInThePackFile_IsTooComplexQuickly()
    {
        var pack = """
            name: bomb
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
            allow: *i
            """;
        var errors = Bounded(() => FluentActions.Invoking(() => RulePack.FromFiles(new Dictionary<string, string> { ["pack.yaml"] = pack }))
            .Should().Throw<PostGuardConfigurationException>().Which.Diagnostics);
        errors.Should().Contain(d => d.Code == DiagnosticCodes.TooComplex && d.File == "pack.yaml");
    }

    [Test]
    public void Load_MappingAliasBomb_IsTooComplexQuickly()
    {
        var yaml = Rule("""
            kind: terms
            a: &a {x: 1, y: 1, z: 1, w: 1, v: 1, u: 1, t: 1, s: 1}
            b: &b {x: *a, y: *a, z: *a, w: *a, v: *a, u: *a, t: *a, s: *a}
            c: &c {x: *b, y: *b, z: *b, w: *b, v: *b, u: *b, t: *b, s: *b}
            d: &d {x: *c, y: *c, z: *c, w: *c, v: *c, u: *c, t: *c, s: *c}
            e: &e {x: *d, y: *d, z: *d, w: *d, v: *d, u: *d, t: *d, s: *d}
            f: &f {x: *e, y: *e, z: *e, w: *e, v: *e, u: *e, t: *e, s: *e}
            g: &g {x: *f, y: *f, z: *f, w: *f, v: *f, u: *f, t: *f, s: *f}
            terms: [idiot]
            examples: *g
            """);
        Bounded(() => ErrorsOf(("derogatory/insults.yaml", yaml))).Should().Contain(d => d.Code == DiagnosticCodes.TooComplex);
    }

    [TestCase(40)]
    [TestCase(10_000)]
    [TestCase(200_000)]
    public void Load_DeepNesting_IsTooComplexWithoutExhaustingTheStack(int depth)
    {
        var yaml = Rule("kind: terms\nterms: [idiot]\nexamples: " + new string('[', depth) + new string(']', depth));
        var errors = Bounded(() => ErrorsOf(("derogatory/insults.yaml", yaml)));
        errors.Should().ContainSingle().Which.Message.Should().Be($"the YAML nests deeper than {32} levels");
    }

    [Test]
    public void Load_DeepNestingOfMappings_IsTooComplex()
    {
        var yaml = Rule("kind: terms\nterms: [idiot]\nexamples: " + string.Concat(Enumerable.Repeat("{a: ", 5_000)) + "1" + new string('}', 5_000));
        Bounded(() => ErrorsOf(("derogatory/insults.yaml", yaml))).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.TooComplex);
    }

    [Test]
    public void Load_FiftyMegabyteFileInAFolder_IsPG103WithoutReadingIt()
    {
        var dir = Directory.CreateTempSubdirectory("postguard-hostile-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "pack.yaml"), TestPacks.PackYaml);
            Directory.CreateDirectory(Path.Combine(dir.FullName, "derogatory"));
            var big = Path.Combine(dir.FullName, "derogatory", "insults.yaml");
            using (var stream = File.Create(big))
            {
                var chunk = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("# padding padding padding padding padding padding padding\n", 1024)));
                while (stream.Length < 50L * 1024 * 1024)
                {
                    stream.Write(chunk);
                }
            }

            var errors = Bounded(() => FluentActions.Invoking(() => RulePack.Load(dir.FullName))
                .Should().Throw<PostGuardConfigurationException>().Which.Diagnostics);
            errors.Should().ContainSingle().Which.ToString().Should().Be("derogatory/insults.yaml: error PG103 the file is larger than 2 MiB");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Load_FiftyMegabyteTextInMemory_IsPG103()
    {
        var text = TestPacks.Insults + "\n#" + new string('x', 50 * 1024 * 1024);
        var errors = ErrorsOf(("derogatory/insults.yaml", text));
        errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.FileTooLarge);
    }

    // ------------------------------------------------------------------ duplicates, wrong types, unknown kinds

    [Test]
    public void Load_DuplicateKeyInANestedMapping_IsAnError()
    {
        var yaml = TestPacks.Insults + "\nexamples:\n  flag: [idiot]\n  flag: [moron]\n";
        ErrorsOf(("derogatory/insults.yaml", yaml)).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.DuplicateKey);
    }

    [Test]
    public void Load_DuplicateKeyWrittenInDifferentQuoting_IsAnError()
    {
        var yaml = TestPacks.Insults + "\n'severity': low\n";
        ErrorsOf(("derogatory/insults.yaml", yaml)).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.DuplicateKey);
    }

    [Test]
    public void Load_DuplicateKeyInThePackFile_IsAnError()
    {
        var act = () => RulePack.FromFiles(new Dictionary<string, string> { ["pack.yaml"] = "name: a\nname: b\n" });
        act.Should().Throw<PostGuardConfigurationException>().Which.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.DuplicateKey);
    }

    [Test]
    public void Load_SameRuleIdThreeTimes_ReportsEachDuplicate()
    {
        var withId = "id: derogatory.insults\n" + TestPacks.Insults;
        var errors = ErrorsOf(("derogatory/insults.yaml", TestPacks.Insults), ("derogatory/insults.yml", withId), ("derogatory/insults.YAML", withId));
        errors.Should().HaveCount(2).And.OnlyContain(d => d.Code == DiagnosticCodes.DuplicateRuleId);
    }

    [TestCase("kind: terms\nterms: {idiot: 1}", DiagnosticCodes.UnknownKey)]
    [TestCase("kind: terms\nterms: [[idiot]]", DiagnosticCodes.WrongType)]
    [TestCase("kind: terms\nterms: [idiot]\nenabled: maybe", DiagnosticCodes.WrongType)]
    [TestCase("kind: terms\nterms: [idiot]\nchannels: {x: 1}", DiagnosticCodes.WrongType)]
    [TestCase("kind: terms\nterms: [idiot]\nexamples: [idiot]", DiagnosticCodes.WrongType)]
    [TestCase("kind: proximity\nanchor: [away]\nwindow: ten", DiagnosticCodes.InvalidNumber)]
    [TestCase("kind: proximity\nanchor: [away]\nwindow: 99999999999999999999", DiagnosticCodes.InvalidNumber)]
    [TestCase("kind: proximity\nanchor: [away]\nnear: away", DiagnosticCodes.WrongType)]
    [TestCase("kind: pattern\npattern: [a]", DiagnosticCodes.WrongType)]
    [TestCase("kind: [terms]\nterms: [idiot]", DiagnosticCodes.WrongType)]
    [TestCase("kind: ''\nterms: [idiot]", DiagnosticCodes.MissingKey)]
    [TestCase("kind: eval\nterms: [idiot]", DiagnosticCodes.UnknownKind)]
    [TestCase("kind: System.Diagnostics.Process\nterms: [idiot]", DiagnosticCodes.UnknownKind)]
    public void Load_WrongTypeOrKind_IsAClearError(string kindAndBody, string code)
    {
        var errors = Bounded(() => ErrorsOf(("derogatory/insults.yaml", Rule(kindAndBody))));
        errors.Should().Contain(d => d.Code == code && d.File == "derogatory/insults.yaml" && d.Line > 0,
            string.Join("\n", errors.Select(e => e.ToString())));
    }

    [TestCase("[1, 2, 3]")]
    [TestCase("just a string")]
    [TestCase("")]
    [TestCase("---\nkind: terms\n---\nkind: terms\n")]
    [TestCase("\0\u0001\u0002")]
    [TestCase("kind: terms\n\ttabs: [x]")]
    public void Load_NotARuleMapping_IsAClearError(string yaml)
    {
        ErrorsOf(("derogatory/insults.yaml", yaml)).Should().NotBeEmpty().And.OnlyContain(d => d.File == "derogatory/insults.yaml");
    }

    // ------------------------------------------------------------------ typed deserialisation

    [TestCase("!!python/object:os.system")]
    [TestCase("!!python/object/apply:subprocess.Popen")]
    [TestCase("!<tag:yaml.org,2002:System.Diagnostics.Process>")]
    [TestCase("!System.IO.FileInfo")]
    [TestCase("!!System.Diagnostics.ProcessStartInfo")]
    [TestCase("!<!System.Net.WebClient>")]
    public void Load_TagNamingAType_IsPlainDataNeverAnObject(string tag)
    {
        var yaml = $"""
            {tag}
            kind: terms
            category: derogatory
            severity: high
            message: {tag} m
            policy: p
            terms:
              - {tag} idiot
              - !!str moron
            """;

        RulePack pack;
        try
        {
            pack = TestPacks.Pack(("derogatory/insults.yaml", yaml));
        }
        catch (PostGuardConfigurationException ex)
        {
            // an error is fine too, as long as it is a clear one about this file
            ex.Diagnostics.Should().OnlyContain(d => d.File == "derogatory/insults.yaml");
            return;
        }

        var rule = (TermsRuleDefinition)pack.Find("derogatory.insults")!;
        rule.Terms.Terms.Select(t => t.Text).Should().Equal("idiot", "moron");
        rule.Message.Should().Be("m", "the tag is metadata on a plain text node, not a type to create");
    }

    [Test]
    public void RulesAssembly_NeverReferencesYamlDotNetSerialization()
    {
        // The loader reads YamlDotNet's representation model (YamlStream and nodes); a type-resolving Deserializer
        // would let a tag choose what to instantiate. Assert no type of YamlDotNet.Serialization is referenced at all.
        using var stream = File.OpenRead(typeof(RulePack).Assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var referenced = md.TypeReferences.Select(h => md.GetTypeReference(h))
            .Select(t => $"{md.GetString(t.Namespace)}.{md.GetString(t.Name)}").ToList();

        referenced.Should().Contain(n => n.StartsWith("YamlDotNet.RepresentationModel.", StringComparison.Ordinal));
        referenced.Should().NotContain(n => n.StartsWith("YamlDotNet.Serialization", StringComparison.Ordinal));
        referenced.Should().NotContain(n => n.EndsWith(".Deserializer", StringComparison.Ordinal) || n.EndsWith(".DeserializerBuilder", StringComparison.Ordinal));
    }
}
