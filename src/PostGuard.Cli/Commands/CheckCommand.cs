using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using PostGuard.Cli.Acceptance;
using PostGuard.Cli.Input;
using PostGuard.Cli.Output;

namespace PostGuard.Cli.Commands;

/// <summary><c>postguard check</c>: checks drafts and prints verdicts in the chosen format; the exit code follows <c>--fail-on</c>.</summary>
internal static partial class CheckCommand
{
    /// <summary>More drafts than this show a progress bar on a terminal's stderr.</summary>
    public const int ProgressThreshold = 300;

    public const string ExitCodesHelp =
        """
        Exit codes:
          0  nothing at or above the --fail-on threshold (the default threshold, reject, lets reviews pass)
          1  the worst decision at or above the threshold is review (only with --fail-on review)
          2  a draft was rejected (with --fail-on review or reject)
          3  usage or configuration error, or an input could not be read (the other drafts are still checked and reported)
        """;

    [GeneratedRegex(@"^\s*(\d+)\s*(m|min|h|d|w)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    public static Command Create(CliContext context)
    {
        var engineOptions = new EngineOptions();
        var format = new Option<string>("--format")
        {
            Description = "Output: text (for people), json ({ results, summary }), sarif (SARIF 2.1.0 for code scanning) or github (Actions annotations).",
            DefaultValueFactory = _ => "text",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "The lowest decision that fails the run (exit 1 for review, 2 for reject); never: always exit 0 unless there is an error.",
            DefaultValueFactory = _ => "reject",
            HelpName = "review|reject|never",
        };
        failOn.AcceptOnlyFromAmong("review", "reject", "never");
        var csvColumns = new Option<string?>("--csv-columns")
        {
            Description = "CSV layout when it is not Hootsuite's (date, message, link, image): target=column pairs by header name or 1-based number, e.g. \"scheduled=Publish At,body=Text,link=URL,image=Image\", or a YAML mapping file. Targets: "
                + string.Join(", ", CsvLayout.Targets) + ".",
            HelpName = "SPEC|FILE",
        };
        var within = new Option<string?>("--scheduled-within")
        {
            Description = "Check only drafts scheduled to go live between now and now + DURATION (30m, 48h, 7d, 2w).",
            HelpName = "DURATION",
        };
        var from = new Option<string?>("--scheduled-from") { Description = "Check only drafts scheduled at or after this time (ISO 8601; no offset means UK time).", HelpName = "TIME" };
        var to = new Option<string?>("--scheduled-to") { Description = "Check only drafts scheduled at or before this time (ISO 8601).", HelpName = "TIME" };
        var includeUnscheduled = new Option<bool>("--include-unscheduled")
        {
            Description = "With a scheduling window, also check drafts that have no scheduled time (by default they are skipped and counted in the summary).",
        };
        var showExcerpts = new Option<bool>("--show-excerpts")
        {
            Description = "Show personal data and pupil names in full in sarif and github output and when CI=true (masked by default: Am**** S****).",
        };
        var baseline = new Option<string?>("--baseline") { Description = "Accepted findings (from --write-baseline): matching findings are reported as accepted and do not count.", HelpName = "FILE" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Accept every current finding: write them to FILE (draft id, rule id and a hash of the excerpt, never the excerpt).", HelpName = "FILE" };
        var acceptedBy = new Option<string?>("--accepted-by") { Description = "Who accepts the findings written by --write-baseline (default: $USER).", HelpName = "NAME" };
        var expires = new Option<string?>("--expires") { Description = "Last day the findings written by --write-baseline stay accepted (YYYY-MM-DD; default: no expiry).", HelpName = "DATE" };
        var reason = new Option<string?>("--reason") { Description = "Why the findings written by --write-baseline are accepted.", HelpName = "TEXT" };
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Drafts: .md (front matter + body), .csv (scheduler bulk upload), .json (a draft or an array), .jsonl (one per line), .txt (the body), folders of them, or - for JSON/JSONL on stdin.",
            Arity = ArgumentArity.OneOrMore,
        };

        var command = new Command("check",
            $"""
            Check drafts and print a verdict (approve, review, reject) for each, with every finding's rule, policy clause and place in the file.

            {ExitCodesHelp}
            Excerpts of personal data and pupil names are masked in sarif and github output and whenever CI=true (--show-excerpts to show them).

            Examples:
              postguard check posts/
              postguard check --format sarif --fail-on review content/posts > postguard.sarif
              postguard check --scheduled-within 48h --csv-columns "scheduled=Publish At,body=Text" export.csv
              postguard check --write-baseline .postguard-baseline.json --expires 2027-01-31 posts/
              cat drafts.jsonl | postguard check --format json -
            """);
        engineOptions.AddTo(command);
        foreach (var option in new Option[] { format, failOn, csvColumns, within, from, to, includeUnscheduled, showExcerpts, baseline, writeBaseline, acceptedBy, expires, reason })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(paths);
        command.SetAction(parse =>
        {
            string outputFormat = parse.GetValue(format)!;
            var layout = parse.GetValue(csvColumns) is { } spec ? CsvLayout.Parse(spec, context.Resolve) : null;
            var now = context.Clock.GetUtcNow();
            var window = Window(parse.GetValue(within), parse.GetValue(from), parse.GetValue(to), now);
            DateOnly? expiry = parse.GetValue(expires) is { } e
                ? DateOnly.TryParseExact(e, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new CliUsageException($"--expires: '{e}' is not a date (YYYY-MM-DD)")
                : null;
            var accepted = parse.GetValue(baseline) is { } b ? Baseline.Load(context.Resolve(b), b) : null;

            var built = engineOptions.Build(parse, context.Stderr);
            if (built is null)
            {
                return CliApp.ExitUsage;
            }

            var (pack, engine) = built.Value;
            var (inputs, errors) = DraftReader.Read(parse.GetValue(paths) ?? [], context, layout);
            foreach (var error in errors)
            {
                context.Stderr.WriteLine(error.ToString());
            }

            int outside = 0, unscheduled = 0;
            if (window is { } w)
            {
                bool include = parse.GetValue(includeUnscheduled);
                var kept = new List<DraftInput>(inputs.Count);
                foreach (var input in inputs)
                {
                    if (input.Draft.ScheduledFor is not { } when)
                    {
                        if (include)
                        {
                            kept.Add(input);
                        }
                        else
                        {
                            unscheduled++;
                        }
                    }
                    else if ((w.From is null || when >= w.From) && (w.To is null || when <= w.To))
                    {
                        kept.Add(input);
                    }
                    else
                    {
                        outside++;
                    }
                }

                inputs = kept;
            }

            var verdicts = Evaluate(engine, inputs, context);
            var acceptor = new Acceptor(engine, pack, accepted, now);
            var results = Accept(acceptor, inputs, verdicts);
            if (parse.GetValue(writeBaseline) is { } target)
            {
                string by = parse.GetValue(acceptedBy) ?? context.GetEnvironmentVariable("USER") ?? context.GetEnvironmentVariable("USERNAME") ?? "unknown";
                var written = WriteBaseline(results, acceptor, accepted, by, now, expiry, parse.GetValue(reason));
                written.Save(context.Resolve(target));
                context.Stderr.WriteLine($"postguard: wrote {written.Accepted.Count} accepted finding{(written.Accepted.Count == 1 ? string.Empty : "s")} to {target}");
                acceptor = new Acceptor(engine, pack, written, now);
                results = Accept(acceptor, inputs, verdicts);
            }

            foreach (var ignored in acceptor.Ignored.Distinct())
            {
                context.Stderr.WriteLine($"postguard: warning: {ignored}");
            }

            var report = new Report
            {
                Results = results,
                Errors = errors,
                Pack = pack,
                Mask = !parse.GetValue(showExcerpts) && (outputFormat is "sarif" or "github" || context.IsCi),
                WindowApplied = window is not null,
                OutsideWindow = outside,
                Unscheduled = unscheduled,
            };
            switch (outputFormat)
            {
                case "json":
                    JsonReport.Write(context.Stdout, report);
                    break;
                case "sarif":
                    SarifReport.Write(context.Stdout, report);
                    break;
                case "github":
                    GitHubReport.Write(context.Stdout, report);
                    break;
                default:
                    bool colour = context.StdoutIsTerminal && string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR"));
                    new TextReport(context.Stdout, colour).Write(report);
                    break;
            }

            if (window is not null && unscheduled > 0 && outputFormat != "text")
            {
                context.Stderr.WriteLine($"postguard: {unscheduled} draft{(unscheduled == 1 ? " has" : "s have")} no scheduled time and {(unscheduled == 1 ? "was" : "were")} not checked (--include-unscheduled to check them)");
            }

            return errors.Count > 0 ? CliApp.ExitUsage : ExitCode(results, parse.GetValue(failOn)!);
        });
        return command;
    }

    /// <summary>The exit code for <paramref name="results"/> with the <c>--fail-on</c> threshold.</summary>
    public static int ExitCode(IReadOnlyList<CheckedDraft> results, string failOn)
    {
        var worst = results.Count == 0 ? Decision.Approve : results.Max(r => r.Decision);
        return failOn switch
        {
            "never" => CliApp.ExitApprove,
            "review" => worst switch
            {
                Decision.Reject => CliApp.ExitReject,
                Decision.Review => CliApp.ExitReview,
                _ => CliApp.ExitApprove,
            },
            _ => worst == Decision.Reject ? CliApp.ExitReject : CliApp.ExitApprove,
        };
    }

    private static List<Verdict> Evaluate(PostGuardEngine engine, List<DraftInput> inputs, CliContext context)
    {
        bool progress = context.StderrIsTerminal && inputs.Count > ProgressThreshold;
        var verdicts = new List<Verdict>(inputs.Count);
        const int width = 30;
        for (int i = 0; i < inputs.Count; i++)
        {
            verdicts.Add(engine.Evaluate(inputs[i].Draft));
            if (progress && (i % 50 == 0 || i == inputs.Count - 1))
            {
                int filled = (i + 1) * width / inputs.Count;
                context.Stderr.Write($"\r[{new string('#', filled)}{new string(' ', width - filled)}] {i + 1}/{inputs.Count}");
            }
        }

        if (progress)
        {
            context.Stderr.Write($"\r{new string(' ', width + 24)}\r");
        }

        return verdicts;
    }

    private static List<CheckedDraft> Accept(Acceptor acceptor, List<DraftInput> inputs, List<Verdict> verdicts)
    {
        acceptor.Ignored.Clear();
        var results = new List<CheckedDraft>(inputs.Count);
        for (int i = 0; i < inputs.Count; i++)
        {
            results.Add(acceptor.Apply(inputs[i], verdicts[i]));
        }

        return results;
    }

    private static Baseline WriteBaseline(List<CheckedDraft> results, Acceptor acceptor, Baseline? existing, string by, DateTimeOffset now, DateOnly? expires, string? reason)
    {
        var entries = new List<BaselineEntry>();
        var seen = new HashSet<Fingerprint>();
        foreach (var result in results)
        {
            foreach (var f in result.Findings)
            {
                if (f.Accepted?.Source == AcceptanceSource.Inline || !seen.Add(f.Fingerprint))
                {
                    continue;
                }

                if (f.LeadsTo == Decision.Reject && !acceptor.IsAcceptable(f.Finding))
                {
                    continue;
                }

                entries.Add(existing?.Find(f.Fingerprint, now)
                    ?? new BaselineEntry(f.Fingerprint.Draft, f.Fingerprint.Rule, f.Fingerprint.ExcerptSha256, by, now.ToUniversalTime(), expires, reason));
            }
        }

        return new Baseline(1, entries);
    }

    private static (DateTimeOffset? From, DateTimeOffset? To)? Window(string? within, string? from, string? to, DateTimeOffset now)
    {
        if (within is not null)
        {
            if (from is not null || to is not null)
            {
                throw new CliUsageException("--scheduled-within cannot be combined with --scheduled-from or --scheduled-to");
            }

            var m = DurationPattern().Match(within);
            if (!m.Success)
            {
                throw new CliUsageException($"--scheduled-within: '{within}' is not a duration (e.g. 30m, 48h, 7d, 2w)");
            }

            int n = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            var span = m.Groups[2].Value.ToLowerInvariant() switch
            {
                "m" or "min" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(7 * n),
            };
            return (now, now + span);
        }

        if (from is null && to is null)
        {
            return null;
        }

        return (ParseTime(from, "--scheduled-from"), ParseTime(to, "--scheduled-to"));
    }

    private static DateTimeOffset? ParseTime(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return UkTime.TryParseIso(value, out var time) ? time : throw new CliUsageException($"{option}: '{value}' is not an ISO 8601 date or time (e.g. 2025-03-14T09:00:00Z)");
    }
}
