using PostGuard.Rules.Tests.Support;

namespace PostGuard.Rules.Tests.Moderation;

public class PostModeratorTests
{
    private TempPack _pack = null!;
    private PostModerator _moderator = null!;

    [SetUp]
    public void SetUp()
    {
        _pack = new TempPack();
        _moderator = new PostModerator(_pack.Options());
    }

    [TearDown]
    public void TearDown()
    {
        _moderator.Dispose();
        _pack.Dispose();
    }

    private static Draft[] Drafts(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Draft { Id = $"d{i}", Body = i % 3 == 0 ? $"Draft {i}: you are stupid" : $"Draft {i}: well done Year 4" })];

    [Test]
    public void Moderate_DraftWithTerm_RejectsWithFinding()
    {
        var verdict = _moderator.Moderate(new Draft { Body = "You are stupid." });

        verdict.Decision.Should().Be(Decision.Reject);
        verdict.Findings.Should().ContainSingle().Which.RuleId.Should().Be("derogatory.insults");
        verdict.RulePackHash.Should().Be(_moderator.Engine.RulePackHash);
    }

    [Test]
    public async Task ModerateAsync_CleanDraft_Approves()
    {
        var verdict = await _moderator.ModerateAsync(new Draft { Body = "Well done to Year 4!" });

        verdict.Decision.Should().Be(Decision.Approve);
    }

    [Test]
    public async Task ModerateAsync_CancelledToken_IsCanceled()
    {
        var task = _moderator.ModerateAsync(new Draft { Body = "x" }, new CancellationToken(canceled: true));

        task.IsCanceled.Should().BeTrue();
        Func<Task> act = async () => await task;
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public void ModerateMany_ManyDrafts_VerdictsInInputOrder()
    {
        var drafts = Drafts(500);

        var verdicts = _moderator.ModerateMany(drafts);

        verdicts.Select(v => v.Id).Should().Equal(drafts.Select(d => d.Id));
        verdicts.Select(v => v.Decision).Should().Equal(drafts.Select((d, i) => i % 3 == 0 ? Decision.Reject : Decision.Approve));
    }

    [Test]
    public void ModerateMany_NullDraft_ThrowsNamingTheIndex()
    {
        var act = () => _moderator.ModerateMany([new Draft { Body = "a" }, null!]);

        act.Should().Throw<ArgumentNullException>().WithMessage("drafts[1] is null.*");
    }

    [Test]
    public void ModerateMany_CancelledToken_ThrowsOperationCanceled()
    {
        var act = () => _moderator.ModerateMany(Drafts(100), new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
    }

    [Test]
    public async Task ModerateManyAsync_StreamOfDrafts_VerdictsInArrivalOrder()
    {
        var drafts = Drafts(300);

        var verdicts = new List<Verdict>();
        await foreach (var verdict in _moderator.ModerateManyAsync(Stream(drafts)))
        {
            verdicts.Add(verdict);
        }

        verdicts.Select(v => v.Id).Should().Equal(drafts.Select(d => d.Id));
    }

    [Test]
    public async Task ModerateManyAsync_ConsumerStopsEarly_StopsReadingTheSource()
    {
        int read = 0;
        async IAsyncEnumerable<Draft> Endless()
        {
            for (int i = 0; ; i++)
            {
                Interlocked.Increment(ref read);
                await Task.Yield();
                yield return new Draft { Id = $"d{i}", Body = "hello" };
            }
        }

        var ids = new List<string?>();
        await foreach (var verdict in _moderator.ModerateManyAsync(Endless()))
        {
            ids.Add(verdict.Id);
            if (ids.Count == 10)
            {
                break;
            }
        }

        ids.Should().Equal(Enumerable.Range(0, 10).Select(i => $"d{i}"));
        read.Should().BeLessThanOrEqualTo(10 + Environment.ProcessorCount, "at most one window of drafts is read ahead");
    }

    [Test]
    public void Reload_FixedEngine_ThrowsInvalidOperation()
    {
        using var moderator = new PostModerator(PostGuardEngineBuilder.Create(_pack.Options()));

        var act = () => moderator.Reload();

        act.Should().Throw<InvalidOperationException>().WithMessage("*fixed engine*");
    }

    [Test]
    public void Constructor_MissingRulesFolder_ThrowsNamingTheOption()
    {
        var act = () => new PostModerator(new PostGuardOptions { RulesPath = Path.Combine(_pack.Root, "nope") });

        act.Should().Throw<ArgumentException>().WithMessage("PostGuard:RulesPath: the rule pack folder '*nope' does not exist*");
    }

    [Test]
    public void Moderate_SharedAcrossThreads_SameVerdicts()
    {
        var drafts = Drafts(64);
        var expected = drafts.Select(d => _moderator.Moderate(d).Decision).ToArray();
        var failures = 0;

        Parallel.For(0, 2000, i =>
        {
            if (_moderator.Moderate(drafts[i % drafts.Length]).Decision != expected[i % drafts.Length])
            {
                Interlocked.Increment(ref failures);
            }
        });

        failures.Should().Be(0);
    }

    private static async IAsyncEnumerable<Draft> Stream(IEnumerable<Draft> drafts)
    {
        foreach (var draft in drafts)
        {
            await Task.Yield();
            yield return draft;
        }
    }
}
