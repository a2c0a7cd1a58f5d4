using PostGuard.Rules;

namespace PostGuard.Rules.Tests;

/// <summary>Small in-memory rule packs for tests.</summary>
internal static class TestPacks
{
    public const string PackYaml = """
        name: test-pack
        version: 1
        allow: [dick whittington, great tits, blue tits, moby dick]
        policy:
          decisions: { high: reject, medium: review, low: approve }
          audiences:
            public: { low: review }
        """;

    public static RulePack Pack(params (string Path, string Yaml)[] rules)
    {
        var files = new Dictionary<string, string> { ["pack.yaml"] = PackYaml };
        foreach (var (path, yaml) in rules)
        {
            files[path] = yaml;
        }

        return RulePack.FromFiles(files, "test");
    }

    public static PostGuardEngine Engine(params (string Path, string Yaml)[] rules)
        => new PostGuardEngineBuilder().UseRulePack(Pack(rules)).Build();

    public static Verdict Check(this PostGuardEngine engine, string body, string? audience = "parents")
        => engine.Evaluate(new Draft { Body = body, Audience = audience });

    public const string Insults = """
        kind: terms
        category: derogatory
        severity: high
        message: Insulting language.
        policy: "Cheadle Heath 2021: Don't post derogatory, defamatory, offensive, harassing or discriminatory content"
        suggestion: Remove the insult.
        terms:
          - stupid
          - idiot
          - fuck
          - dick
          - tits
          - cunt
          - penis
          - cock
          - ass
          - anal
          - sex
          - term: rubbish
            severity: low
            suggestion: Describe the problem instead.
          - kill you
          - kill
        except: [rubbish collection]
        """;

    public const string Phone = """
        kind: pattern
        category: confidential
        severity: high
        message: A personal phone number.
        policy: "Poynton AUP: never give out personal information of students, parents, or co-workers"
        suggestion: Give the school office number instead.
        pattern: '(?:\+44\s?(?:\(0\)\s?)?|\b0)(?:7\d{3}\s?\d{3}\s?\d{3}|1\d{2,3}\s?\d{3}\s?\d{3,4}|20\s?\d{4}\s?\d{4})\b'
        profile: phones
        """;

    public const string Nhs = """
        kind: pattern
        category: confidential
        severity: high
        message: An NHS number.
        policy: "Data protection"
        pattern: '\b\d{3}\s?\d{3}\s?\d{4}\b'
        validator: nhs
        """;

    /// <summary>A pattern that cannot run NonBacktracking (a lookahead) and backtracks catastrophically on "aaa…!".</summary>
    public const string CatastrophicLookaround = """
        kind: pattern
        category: confidential
        severity: high
        message: m
        policy: p
        pattern: '(a+)+(?=b)$'
        """;

    public const string Holiday = """
        kind: proximity
        category: personal-schedule
        severity: medium
        message: Says when a named person will be away.
        policy: "Poynton AUP: avoid talking about personal schedules or situations"
        anchor: [on holiday, on leave, off sick, away]
        near:
          - terms: [january, february, march, april, may, june, july, august, september, october, november, december, monday, tuesday, wednesday, thursday, friday, next week]
            patterns: ['\b\d{1,2}(?:st|nd|rd|th)\b']
        person: true
        window: 10
        unless: [fair, concert, trip, residential]
        """;
}
