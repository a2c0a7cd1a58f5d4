using PostGuard.Rules.Tests.Hardening;
using PostGuard.Serialization;

namespace PostGuard.Rules.Tests.Engine;

/// <summary>
/// One engine shared by sixteen threads gives exactly the verdicts of a sequential run: the hot path keeps its scratch
/// state per thread (EvaluationContext and its FieldText views, rented from a [ThreadStatic] cache) and reads only
/// immutable tables (frozen dictionaries, compiled regexes, the classifier's weights).
/// </summary>
public class ConcurrencyTests
{
    private const int Threads = 16;
    private const int DraftsPerThread = 10_000;

    /// <summary>About 200 realistic and disguised drafts: the samples (with attachments), the evasion and Scunthorpe cases.</summary>
    private static List<Draft> VariedDrafts()
    {
        var drafts = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "drafts"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => PostGuardJson.DeserializeDraft(File.ReadAllText(f))).ToList();
        var hardening = RepoPaths.Of(Path.Combine("tests", "PostGuard.Rules.Tests", "Hardening"));
        foreach (var line in File.ReadLines(Path.Combine(hardening, "evasion-cases.tsv")).Where(l => !l.StartsWith('#')).Take(100))
        {
            drafts.Add(new Draft { Body = HardeningEngine.Unescape(line.Split('\t')[2]), Audience = drafts.Count % 3 == 0 ? "public" : "parents" });
        }

        foreach (var line in File.ReadLines(Path.Combine(hardening, "scunthorpe-cases.txt")).Where(l => !l.StartsWith('#')).Take(50))
        {
            drafts.Add(new Draft { Title = "News", Body = line.Split('\t')[0], Channel = "facebook" });
        }

        return drafts;
    }

    [Test]
    public void Evaluate_SixteenThreadsTenThousandDraftsEach_GiveTheSequentialVerdicts()
    {
        var engine = HardeningEngine.Instance;
        var drafts = VariedDrafts();
        drafts.Count.Should().BeGreaterThanOrEqualTo(200);
        var expected = drafts.Select(d => HardeningEngine.Json(engine.Evaluate(d))).ToArray();

        int mismatches = 0;
        int checkedCount = 0;
        Exception? failure = null;
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                for (int i = 0; i < DraftsPerThread; i++)
                {
                    int k = (i * 7 + t * 13) % drafts.Count; // each thread walks the drafts in its own order
                    if (HardeningEngine.Json(engine.Evaluate(drafts[k])) != expected[k])
                    {
                        Interlocked.Increment(ref mismatches);
                    }
                }

                Interlocked.Add(ref checkedCount, DraftsPerThread);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        failure.Should().BeNull();
        checkedCount.Should().Be(Threads * DraftsPerThread);
        mismatches.Should().Be(0, "every thread must see exactly the sequential verdict, finding for finding");
    }
}
