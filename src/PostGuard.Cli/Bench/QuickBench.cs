using System.Diagnostics;
using PostGuard.Rules;
using PostGuard.Rules.Consent;

namespace PostGuard.Cli.Bench;

/// <summary>The headline figures of <c>postguard bench</c>; the JSON names are stable.</summary>
/// <param name="MedianMicroseconds">Median time to check one draft (whole pipeline).</param>
/// <param name="P99Microseconds">99th percentile of the time to check one draft.</param>
/// <param name="DraftsPerSecond">Drafts checked per second on one thread.</param>
/// <param name="AllocatedBytesPerDraft">Bytes allocated per draft checked (verdicts and findings included).</param>
/// <param name="NaiveRatio">Naive engine time / PostGuard time over the same drafts (higher is better).</param>
/// <param name="FloorRatio">PostGuard time / floor time over the same drafts (lower is better).</param>
internal sealed record QuickBenchResult(
    double MedianMicroseconds,
    double P99Microseconds,
    double DraftsPerSecond,
    double AllocatedBytesPerDraft,
    double NaiveRatio,
    double FloorRatio)
{
    /// <summary>Drafts per second with one thread per core over one shared engine.</summary>
    public double ParallelDraftsPerSecond { get; init; }

    /// <summary>How many distinct drafts were cycled through.</summary>
    public int Drafts { get; init; }

    /// <summary>How many drafts PostGuard checked while timed.</summary>
    public long DraftsChecked { get; init; }

    /// <summary>Pupils in the generated consent register.</summary>
    public int RegisterPupils { get; init; }

    /// <summary>Regular expressions the naive engine runs on each field.</summary>
    public int NaiveRegexes { get; init; }

    /// <summary>Seconds spent measuring (after building and warming up).</summary>
    public double Seconds { get; init; }
}

/// <summary>
/// The quick measurement behind <c>postguard bench</c>: the whole pipeline (default pack, sample school profile,
/// a generated consent register, the shipped classifier), the naive engine and the floor, interleaved in one process
/// over the same drafts, in a few seconds. Not BenchmarkDotNet's rigour (no separate processes, no outlier
/// analysis): a figure to steer by and to smoke-test in CI.
/// </summary>
internal static class QuickBench
{
    /// <summary>The register size of the headline figures.</summary>
    public const int DefaultPupils = 2_000;

    // shares of the measuring time
    private const double PostGuardShare = 0.55, NaiveShare = 0.25, FloorShare = 0.10, ParallelShare = 0.10;

    /// <summary>The engine the benchmarks measure: default pack, sample profile, <paramref name="register"/>, the shipped classifier.</summary>
    public static PostGuardEngine BuildEngine(RulePack? pack = null, ConsentRegister? register = null, bool classifier = true)
    {
        var builder = new PostGuardEngineBuilder()
            .UseRulePack(pack ?? RulePack.LoadDefault())
            .UseProfile(BenchCorpus.Profile)
            .UseConsentRegister(register);
        if (!classifier)
        {
            builder.UseClassifier(null);
        }

        return builder.Build();
    }

    /// <summary>Measures for about <paramref name="seconds"/> seconds (plus building and warming up).</summary>
    public static QuickBenchResult Run(IReadOnlyList<Draft> drafts, double seconds, int pupils = DefaultPupils)
    {
        ArgumentOutOfRangeException.ThrowIfZero(drafts.Count);
        var register = RegisterGenerator.Create(pupils);
        var engine = BuildEngine(register: register);
        var naive = NaiveEngine.Create(RulePack.LoadDefault(), register);

        // warm up: every draft through each, until the JIT has had time to tier up
        var warmUntil = Stopwatch.GetTimestamp() + (long)(Math.Clamp(seconds * 0.1, 0.2, 2.0) * Stopwatch.Frequency);
        int sink = 0;
        foreach (var d in drafts)
        {
            sink += naive.Evaluate(d);
        }

        do
        {
            foreach (var d in drafts)
            {
                sink += engine.Evaluate(d).Findings.Count + FloorScan.Scan(d);
            }
        }
        while (Stopwatch.GetTimestamp() < warmUntil);

        // room for one timing per draft checked (estimated from the warm-up rate), allocated before measuring
        long estimate = Math.Max(drafts.Count, EstimateRate(engine, drafts));
        var samples = new long[(int)Math.Min(int.MaxValue / 2, Math.Max(drafts.Count * 4, estimate * seconds * PostGuardShare * 2))];

        long pgTicks = 0, pgDrafts = 0, pgAllocated = 0, naiveTicks = 0, naiveDrafts = 0, floorTicks = 0, floorDrafts = 0;
        int sampleCount = 0;
        double budget = seconds * Stopwatch.Frequency;
        double pgBudget = budget * PostGuardShare, naiveBudget = budget * NaiveShare, floorBudget = budget * FloorShare;
        long started = Stopwatch.GetTimestamp();

        // interleave whole passes over the drafts, always running whichever has used the least of its share,
        // so background load on a shared machine falls on all three alike
        while (pgTicks < pgBudget || naiveTicks < naiveBudget || floorTicks < floorBudget)
        {
            double pgUsed = pgTicks / pgBudget, naiveUsed = naiveTicks / naiveBudget, floorUsed = floorTicks / floorBudget;
            if (pgUsed <= naiveUsed && pgUsed <= floorUsed)
            {
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < drafts.Count; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    sink += engine.Evaluate(drafts[i]).Findings.Count;
                    long elapsed = Stopwatch.GetTimestamp() - t0;
                    pgTicks += elapsed;
                    if (sampleCount < samples.Length)
                    {
                        samples[sampleCount++] = elapsed;
                    }
                }

                pgAllocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                pgDrafts += drafts.Count;
            }
            else if (naiveUsed <= floorUsed)
            {
                long t0 = Stopwatch.GetTimestamp();
                for (int i = 0; i < drafts.Count; i++)
                {
                    sink += naive.Evaluate(drafts[i]);
                }

                naiveTicks += Stopwatch.GetTimestamp() - t0;
                naiveDrafts += drafts.Count;
            }
            else
            {
                // the floor is fast: time many passes at once so the clock's cost does not count
                long t0 = Stopwatch.GetTimestamp();
                for (int pass = 0; pass < 64; pass++)
                {
                    for (int i = 0; i < drafts.Count; i++)
                    {
                        sink += FloorScan.Scan(drafts[i]);
                    }
                }

                floorTicks += Stopwatch.GetTimestamp() - t0;
                floorDrafts += 64L * drafts.Count;
            }
        }

        double measured = (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
        double parallelRate = MeasureParallel(engine, drafts, seconds * ParallelShare, ref sink);
        GC.KeepAlive(sink);

        Array.Sort(samples, 0, sampleCount);
        double toMicro = 1e6 / Stopwatch.Frequency;
        double pgMean = pgTicks / (double)pgDrafts;
        double naiveMean = naiveTicks / (double)naiveDrafts;
        double floorMean = floorTicks / (double)floorDrafts;
        return new QuickBenchResult(
            MedianMicroseconds: Percentile(samples, sampleCount, 0.50) * toMicro,
            P99Microseconds: Percentile(samples, sampleCount, 0.99) * toMicro,
            DraftsPerSecond: pgDrafts / (pgTicks / (double)Stopwatch.Frequency),
            AllocatedBytesPerDraft: pgAllocated / (double)pgDrafts,
            NaiveRatio: naiveMean / pgMean,
            FloorRatio: pgMean / floorMean)
        {
            ParallelDraftsPerSecond = parallelRate,
            Drafts = drafts.Count,
            DraftsChecked = pgDrafts,
            RegisterPupils = register.Count,
            NaiveRegexes = naive.RegexCount,
            Seconds = measured + seconds * ParallelShare,
        };
    }

    private static long EstimateRate(PostGuardEngine engine, IReadOnlyList<Draft> drafts)
    {
        long t0 = Stopwatch.GetTimestamp();
        foreach (var d in drafts)
        {
            engine.Evaluate(d);
        }

        double elapsed = Math.Max(1, Stopwatch.GetTimestamp() - t0) / (double)Stopwatch.Frequency;
        return (long)(drafts.Count / elapsed);
    }

    /// <summary>Drafts per second with one worker per core, each cycling through the drafts for <paramref name="seconds"/>.</summary>
    private static double MeasureParallel(PostGuardEngine engine, IReadOnlyList<Draft> drafts, double seconds, ref int sink)
    {
        int workers = Environment.ProcessorCount;
        long deadline = Stopwatch.GetTimestamp() + (long)(Math.Max(seconds, 0.05) * Stopwatch.Frequency);
        var counts = new long[workers];
        var findings = new int[workers];
        long t0 = Stopwatch.GetTimestamp();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            long n = 0;
            int f = 0;
            int i = w;
            do
            {
                f += engine.Evaluate(drafts[i++ % drafts.Count]).Findings.Count;
                n++;
            }
            while ((n & 15) != 0 || Stopwatch.GetTimestamp() < deadline);

            counts[w] = n;
            findings[w] = f;
        });
        double elapsed = (Stopwatch.GetTimestamp() - t0) / (double)Stopwatch.Frequency;
        sink += findings.Sum();
        return counts.Sum() / elapsed;
    }

    private static double Percentile(long[] sorted, int count, double p)
    {
        if (count == 0)
        {
            return 0;
        }

        int index = (int)Math.Ceiling(p * count) - 1;
        return sorted[Math.Clamp(index, 0, count - 1)];
    }
}
