using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PostGuard.Cli.Bench;
using PostGuard.Cli.Input;

namespace PostGuard.Cli.Commands;

/// <summary>
/// <c>postguard bench [--drafts FILE] [--seconds N]</c>: the headline performance figures in well under a minute, as one
/// JSON object. The full suite (BenchmarkDotNet) is <c>benchmarks/PostGuard.Benchmarks</c>; both use the naive engine,
/// the floor and the register generator in <see cref="Bench"/>.
/// </summary>
internal static class BenchCommand
{
    public const double DefaultSeconds = 10;

    public static Command Create(CliContext context)
    {
        var drafts = new Option<string?>("--drafts")
        {
            Description = "Drafts to measure (.json, .jsonl, or any input 'check' reads; default: the bundled sample drafts).",
            HelpName = "FILE",
        };
        var seconds = new Option<double>("--seconds")
        {
            Description = "Seconds to measure for, after building and warming up (default 10).",
            DefaultValueFactory = _ => DefaultSeconds,
            HelpName = "N",
        };
        var pupils = new Option<int>("--pupils")
        {
            Description = "Pupils in the generated consent register (default 2000).",
            DefaultValueFactory = _ => QuickBench.DefaultPupils,
            HelpName = "N",
        };
        var command = new Command("bench",
            """
            Measure the whole pipeline (default pack, sample school profile, a generated consent register, the toxicity classifier) against a naive regex-per-term engine and a read-only floor, in one process, and print one JSON object:
            medianMicroseconds and p99Microseconds (per draft), draftsPerSecond (one thread), allocatedBytesPerDraft,
            naiveRatio (naive time / PostGuard time, higher is better) and floorRatio (PostGuard time / floor time, lower is better).
            Quick and noisy by design (no separate processes or outlier analysis); the BenchmarkDotNet suite in benchmarks/ is the rigorous one.
            """);
        command.Options.Add(drafts);
        command.Options.Add(seconds);
        command.Options.Add(pupils);
        command.SetAction(parse =>
        {
            double s = parse.GetValue(seconds);
            if (!(s > 0 && s <= 3600))
            {
                throw new CliUsageException("--seconds must be more than 0 and at most 3600");
            }

            int n = parse.GetValue(pupils);
            if (n is < 0 or > 1_000_000)
            {
                throw new CliUsageException("--pupils must be between 0 and 1000000");
            }

            IReadOnlyList<Draft> corpus = BenchCorpus.Samples;
            if (parse.GetValue(drafts) is { } path)
            {
                var (read, errors) = DraftReader.Read([path], context);
                foreach (var error in errors)
                {
                    context.Stderr.WriteLine(error.ToString());
                }

                if (errors.Count > 0 || read.Count == 0)
                {
                    if (read.Count == 0 && errors.Count == 0)
                    {
                        context.Stderr.WriteLine($"postguard: {path}: no drafts to measure");
                    }

                    return CliApp.ExitUsage;
                }

                corpus = [.. read.Select(d => d.Draft)];
            }

            var result = QuickBench.Run(corpus, s, n);
            WriteJson(result, context.Stdout);
            return CliApp.ExitApprove;
        });
        return command;
    }

    private static void WriteJson(QuickBenchResult r, TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("medianMicroseconds", Math.Round(r.MedianMicroseconds, 2));
            json.WriteNumber("p99Microseconds", Math.Round(r.P99Microseconds, 2));
            json.WriteNumber("draftsPerSecond", Math.Round(r.DraftsPerSecond));
            json.WriteNumber("allocatedBytesPerDraft", Math.Round(r.AllocatedBytesPerDraft));
            json.WriteNumber("naiveRatio", Math.Round(r.NaiveRatio, 1));
            json.WriteNumber("floorRatio", Math.Round(r.FloorRatio, 1));
            json.WriteNumber("parallelDraftsPerSecond", Math.Round(r.ParallelDraftsPerSecond));
            json.WriteNumber("cores", Environment.ProcessorCount);
            json.WriteNumber("drafts", r.Drafts);
            json.WriteNumber("draftsChecked", r.DraftsChecked);
            json.WriteNumber("registerPupils", r.RegisterPupils);
            json.WriteNumber("naiveRegexes", r.NaiveRegexes);
            json.WriteNumber("seconds", Math.Round(r.Seconds, 1));
            json.WriteString("runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
            json.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
