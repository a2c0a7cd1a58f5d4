using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostGuard.Rules.Tests.Support;

namespace PostGuard.Rules.Tests.DependencyInjection;

public class AddPostGuardTests
{
    [Test]
    public void AddPostGuard_NoConfiguration_UsesTheDefaultPack()
    {
        using var provider = new ServiceCollection().AddPostGuard().BuildServiceProvider();

        var moderator = provider.GetRequiredService<IPostModerator>();

        moderator.Engine.RulePackName.Should().Be(RulePack.LoadDefault().Name);
        moderator.Engine.RulePackHash.Should().Be(PostGuardEngineBuilder.CreateDefault().RulePackHash);
        moderator.Moderate(new Draft { Body = "Well done to Year 4!" }).Decision.Should().Be(Decision.Approve);
    }

    [Test]
    public void AddPostGuard_Resolved_IsOneSingletonForTheInterfaceAndTheClass()
    {
        using var provider = new ServiceCollection().AddPostGuard().BuildServiceProvider();

        provider.GetRequiredService<IPostModerator>().Should().BeSameAs(provider.GetRequiredService<IPostModerator>())
            .And.BeSameAs(provider.GetRequiredService<PostModerator>());
    }

    [Test]
    public void AddPostGuard_ConfigureDelegate_UsesTheRulesFolder()
    {
        using var pack = new TempPack();
        using var provider = new ServiceCollection().AddPostGuard(o => o.RulesPath = pack.Rules).BuildServiceProvider();

        var verdict = provider.GetRequiredService<IPostModerator>().Moderate(new Draft { Body = "stupid" });

        verdict.RulePack.Should().Be("test-pack");
        verdict.Decision.Should().Be(Decision.Reject);
    }

    [Test]
    public void AddPostGuard_ConfigurationSection_BindsEveryBindableOption()
    {
        using var pack = new TempPack();
        string profile = pack.WriteBeside("profile.yaml", "school:\n  name: Millbrook\n  phones: ['01632 960000']\n");
        string register = pack.WriteBeside("consent.csv", "upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish\nA123456789012,Amelia,,Smith,4,yes,yes,no\n");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PostGuard:RulesPath"] = pack.Rules,
            ["PostGuard:ProfilePath"] = profile,
            ["PostGuard:ConsentRegisterPath"] = register,
            ["PostGuard:UseDefaultClassifier"] = "false",
            ["PostGuard:WatchForChanges"] = "true",
            ["PostGuard:ReloadDebounce"] = "00:00:00.100",
            ["PostGuard:PollInterval"] = "00:00:02",
            ["PostGuard:MaxDegreeOfParallelism"] = "3",
            ["PostGuard:MaxDraftLength"] = "5000",
        }).Build();
        using var provider = new ServiceCollection().AddPostGuard(configuration.GetSection(PostGuardOptions.SectionName)).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PostGuardOptions>>().Value;
        var moderator = provider.GetRequiredService<IPostModerator>();

        options.Should().BeEquivalentTo(new PostGuardOptions
        {
            RulesPath = pack.Rules,
            ProfilePath = profile,
            ConsentRegisterPath = register,
            UseDefaultClassifier = false,
            WatchForChanges = true,
            ReloadDebounce = TimeSpan.FromMilliseconds(100),
            PollInterval = TimeSpan.FromSeconds(2),
            MaxDegreeOfParallelism = 3,
            MaxDraftLength = 5000,
        });
        moderator.Engine.RulePack().Should().Be("test-pack");
        moderator.Engine.MaxDraftLength.Should().Be(5000);
    }

    [Test]
    public void ValidateOnStart_MissingRulesFolder_FailsStartUpNamingTheFolder()
    {
        var services = new ServiceCollection().AddPostGuard(o => o.RulesPath = "/no/such/postguard-rules");
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>()
            .WithMessage("PostGuard:RulesPath: the rule pack folder '/no/such/postguard-rules' does not exist*");
    }

    [Test]
    public void ValidateOnStart_PackWithErrors_FailsStartUpWithFileAndLine()
    {
        using var pack = new TempPack();
        pack.Write(TempPack.RuleFile, "kind: terms\ncategory: derogatory\nseverity: hgih\nmessage: m\npolicy: p\nterms: [x]\n");
        using var provider = new ServiceCollection().AddPostGuard(o => o.RulesPath = pack.Rules).BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().StartWith("PostGuard: derogatory/insults.yaml:3:11: error PG112");
    }

    [Test]
    public void ValidateOnStart_ValidOptions_BuildsTheEngineOnceForTheModerator()
    {
        using var pack = new TempPack();
        int builds = 0;
        using var provider = new ServiceCollection()
            .AddPostGuard(o => { o.RulesPath = pack.Rules; o.ConfigureEngine = (_, _) => Interlocked.Increment(ref builds); })
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        provider.GetRequiredService<IPostModerator>().Moderate(new Draft { Body = "hi" });

        builds.Should().Be(1);
    }

    [Test]
    public void AddPostGuard_WithLogging_LogsEngineLoadedThroughTheContainersLoggerFactory()
    {
        var logs = new CapturingLoggerProvider();
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddPostGuard()
            .BuildServiceProvider();

        provider.GetRequiredService<IPostModerator>();

        logs.Records.Should().Contain(r => r.EventId.Name == "EngineLoaded" && r.Category == typeof(PostModerator).FullName);
    }

    [Test]
    public void Dispose_Provider_StopsTheWatcher()
    {
        using var pack = new TempPack();
        var provider = new ServiceCollection().AddPostGuard(o => { o.RulesPath = pack.Rules; o.WatchForChanges = true; }).BuildServiceProvider();
        var moderator = provider.GetRequiredService<IPostModerator>();
        int reloads = 0;
        moderator.EngineReloaded += (_, _) => Interlocked.Increment(ref reloads);

        provider.Dispose();
        pack.WriteRule("idiot", "high");
        Thread.Sleep(500); // a watcher, had it survived, would fire within its 250 ms debounce

        reloads.Should().Be(0);
        moderator.Moderate(new Draft { Body = "idiot" }).Decision.Should().Be(Decision.Approve, "a disposed moderator keeps its last engine");
    }
}

internal static class EngineExtensions
{
    public static string RulePack(this PostGuardEngine engine) => engine.RulePackName;
}
