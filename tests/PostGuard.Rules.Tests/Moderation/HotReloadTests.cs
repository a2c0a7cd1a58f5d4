using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PostGuard.Rules.Tests.Support;

namespace PostGuard.Rules.Tests.Moderation;

public class HotReloadTests
{
    private static readonly Draft s_idiot = new() { Body = "What an idiot." };
    private static readonly Draft s_stupid = new() { Body = "What a stupid idea." };

    private TempPack _pack = null!;
    private CapturingLoggerProvider _logs = null!;
    private ILoggerFactory _loggerFactory = null!;

    [SetUp]
    public void SetUp()
    {
        _pack = new TempPack(term: "stupid");
        _logs = new CapturingLoggerProvider();
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
    }

    [TearDown]
    public void TearDown()
    {
        _loggerFactory.Dispose();
        _pack.Dispose();
    }

    [Test]
    public async Task Watch_RuleFileEdited_NewVerdictsWithoutRestart()
    {
        var options = _pack.Options(watch: true);
        options.PollInterval = TimeSpan.Zero; // the file watcher alone
        using var moderator = new PostModerator(options, _loggerFactory);
        var reloaded = new ConcurrentQueue<EngineReloadedEventArgs>();
        moderator.EngineReloaded += (_, e) => reloaded.Enqueue(e);
        string before = moderator.Engine.RulePackHash;
        moderator.Moderate(s_idiot).Decision.Should().Be(Decision.Approve);

        _pack.WriteRule("idiot", "high");

        (await Eventually.HoldsAsync(() => moderator.Moderate(s_idiot).Decision == Decision.Reject)).Should().BeTrue("the edited rule is picked up");
        moderator.Moderate(s_stupid).Decision.Should().Be(Decision.Approve);
        reloaded.Should().NotBeEmpty();
        reloaded.Last().PreviousRulePackHash.Should().NotBe(reloaded.Last().RulePackHash);
        reloaded.First().PreviousRulePackHash.Should().Be(before);
        reloaded.Last().Trigger.Should().Be(ReloadTrigger.FileChange);
        _logs.Records.Should().Contain(r => r.EventId.Name == "EngineReloaded");
    }

    [Test]
    public async Task Poll_RuleFileEdited_PickedUpByFingerprint()
    {
        var options = _pack.Options(watch: true);
        options.ReloadDebounce = TimeSpan.FromSeconds(50); // the watcher would wait far longer than the poll
        using var moderator = new PostModerator(options, _loggerFactory);

        _pack.WriteRule("idiot", "high");

        (await Eventually.HoldsAsync(() => moderator.Moderate(s_idiot).Decision == Decision.Reject)).Should().BeTrue();
    }

    [Test]
    public async Task Watch_InvalidYaml_KeepsLastGoodEngineAndReportsFileAndLine()
    {
        using var moderator = new PostModerator(_pack.Options(watch: true), _loggerFactory);
        var failures = new ConcurrentQueue<ReloadFailedEventArgs>();
        moderator.ReloadFailed += (_, e) => failures.Enqueue(e);
        string good = moderator.Engine.RulePackHash;

        _pack.Write(TempPack.RuleFile, "kind: terms\ncategory: derogatory\nseverity: [high\nterms: [idiot]\n");

        (await Eventually.HoldsAsync(() => !failures.IsEmpty)).Should().BeTrue("ReloadFailed is raised");
        var failure = failures.First();
        failure.CurrentRulePackHash.Should().Be(good);
        failure.Exception.Should().BeOfType<Diagnostics.PostGuardConfigurationException>();
        failure.Diagnostics.Should().Contain(d => d.File == TempPack.RuleFile && d.Line > 0);
        moderator.Engine.RulePackHash.Should().Be(good);
        moderator.Moderate(s_stupid).Decision.Should().Be(Decision.Reject, "the last good engine still answers");
        _logs.Records.Should().Contain(r => r.Level == LogLevel.Error && r.EventId.Name == "ReloadFailed");
        _logs.Records.Should().Contain(r => r.Level == LogLevel.Error && r.EventId.Name == "ReloadDiagnostic"
            && r.Message.StartsWith(TempPack.RuleFile + ":", StringComparison.Ordinal));
    }

    [Test]
    public async Task Watch_InvalidYamlThenFixed_RecoversAndReportsTheBrokenFileOnce()
    {
        using var moderator = new PostModerator(_pack.Options(watch: true), _loggerFactory);
        int failures = 0;
        moderator.ReloadFailed += (_, _) => Interlocked.Increment(ref failures);

        _pack.Write(TempPack.RuleFile, "kind: terms\nseverity: [high\n");
        (await Eventually.HoldsAsync(() => Volatile.Read(ref failures) > 0)).Should().BeTrue();
        await Task.Delay(700); // several polls over the same broken content
        Volatile.Read(ref failures).Should().Be(1, "a broken file is reported once, not on every poll");

        _pack.WriteRule("idiot", "medium");
        (await Eventually.HoldsAsync(() => moderator.Moderate(s_idiot).Decision == Decision.Review)).Should().BeTrue();
    }

    [Test]
    public async Task Watch_RulesFolderDeleted_KeepsLastGoodEngineAndRecoversWhenItReturns()
    {
        using var moderator = new PostModerator(_pack.Options(watch: true), _loggerFactory);
        var failures = new ConcurrentQueue<ReloadFailedEventArgs>();
        moderator.ReloadFailed += (_, e) => failures.Enqueue(e);
        string good = moderator.Engine.RulePackHash;

        Directory.Delete(_pack.Rules, recursive: true);

        (await Eventually.HoldsAsync(() => failures.Any(f => f.Diagnostics.Any(d => d.Code == Diagnostics.DiagnosticCodes.Unreadable))))
            .Should().BeTrue();
        moderator.Engine.RulePackHash.Should().Be(good);
        moderator.Moderate(s_stupid).Decision.Should().Be(Decision.Reject);

        using var restored = new TempPack(term: "idiot");
        Directory.CreateDirectory(_pack.Rules);
        CopyFolder(restored.Rules, _pack.Rules);

        (await Eventually.HoldsAsync(() => moderator.Moderate(s_idiot).Decision == Decision.Reject)).Should().BeTrue("the folder came back");
    }

    [Test]
    public async Task Watch_ConsentRegisterReplaced_RebuildsWithTheNewRegister()
    {
        const string header = "upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish\n";
        string register = _pack.WriteBeside("consent.csv", header + "A123456789012,Amelia,,Smith,4,yes,yes,no\n");
        var options = _pack.Options(watch: true);
        options.ConsentRegisterPath = register;
        using var moderator = new PostModerator(options, _loggerFactory);
        string before = moderator.Engine.RulePackHash;

        string replacement = Path.Combine(_pack.Root, "consent.new");
        File.WriteAllText(replacement, header + "A123456789012,Amelia,,Smith,4,yes,yes,no\nB123456789012,Noah,,Patel,5,no,no,yes\n");
        File.Move(replacement, register, overwrite: true); // how exports replace a file

        (await Eventually.HoldsAsync(() => moderator.Engine.RulePackHash != before)).Should().BeTrue("the register's content is part of the engine's hash");
    }

    [Test]
    public async Task Reload_ManualAfterEdit_SwapsAndReturnsTrue()
    {
        using var moderator = new PostModerator(_pack.Options(watch: false), _loggerFactory);
        _pack.WriteRule("idiot", "high");

        (await moderator.ReloadAsync()).Should().BeTrue();

        moderator.Moderate(s_idiot).Decision.Should().Be(Decision.Reject);
    }

    [Test]
    public void Reload_HandlerThrows_IsLoggedAndTheSwapStands()
    {
        using var moderator = new PostModerator(_pack.Options(), _loggerFactory);
        moderator.EngineReloaded += (_, _) => throw new InvalidOperationException("handler bug");
        _pack.WriteRule("idiot", "high");

        moderator.Reload().Should().BeTrue();

        moderator.Moderate(s_idiot).Decision.Should().Be(Decision.Reject);
        _logs.Records.Should().Contain(r => r.EventId.Name == "EventHandlerFailed");
    }

    [Test]
    public void Reload_WhileModeratingOnManyThreads_EveryVerdictComesWhollyFromOneOfTheTwoEngines()
    {
        // Engine A: 'stupid' is high (reject). Engine B: 'stupid' is medium (review).
        string hashA = PostGuardEngineBuilder.Create(_pack.Options()).RulePackHash;
        _pack.WriteRule("stupid", "medium");
        string hashB = PostGuardEngineBuilder.Create(_pack.Options()).RulePackHash;
        _pack.WriteRule("stupid", "high");
        hashA.Should().NotBe(hashB);
        var expected = new Dictionary<string, Decision> { [hashA] = Decision.Reject, [hashB] = Decision.Review };

        using var moderator = new PostModerator(_pack.Options(), _loggerFactory);
        using var stop = new CancellationTokenSource();
        var errors = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, int>();
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var verdict = moderator.Moderate(s_stupid);
                    seen.AddOrUpdate(verdict.RulePackHash, 1, (_, n) => n + 1);
                    if (!expected.TryGetValue(verdict.RulePackHash, out var decision) || verdict.Decision != decision)
                    {
                        errors.Enqueue($"{verdict.RulePackHash} {verdict.Decision}");
                    }
                }
                catch (Exception ex)
                {
                    errors.Enqueue(ex.ToString());
                }
            }
        })).ToArray();

        for (int i = 0; i < 20; i++)
        {
            _pack.WriteRule("stupid", i % 2 == 0 ? "medium" : "high");
            moderator.Reload().Should().BeTrue();
        }

        stop.Cancel();
        Task.WaitAll(workers);
        errors.Should().BeEmpty();
        seen.Keys.Should().BeEquivalentTo([hashA, hashB]);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
