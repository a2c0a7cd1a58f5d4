using System.CommandLine;
using PostGuard.Rules;

namespace PostGuard.Cli.Commands;

/// <summary><c>postguard init [DIR]</c>: a starter rule pack, school profile and consent register.</summary>
internal static class InitCommand
{
    public const string ProfileFile = "school-profile.yaml";
    public const string ConsentFile = "consent-register.csv";

    public const string ProfileTemplate =
        """
        # The school's own published contact details: postguard does not report these as personal data.
        # Pass it with: postguard check --profile school-profile.yaml ...
        school:
          name: Example Primary School
          phones: ["01632 960000"]
          emails: [office@example-primary.sch.uk]
          emailDomains: [example-primary.sch.uk]
          addresses: ["1 School Lane, Exampleton, EX1 2MP"]

        """;

    public const string ConsentTemplate =
        """
        upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish
        A123456789012,Alexandra,Alex,Example,4,yes,no,no

        """;

    public static Command Create(CliContext context)
    {
        var dir = new Argument<string>("DIR") { Description = "Where to write the files (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist." };
        var command = new Command("init",
            $"""
            Write a starter rules/ folder (a copy of the default UK schools pack to adapt), {ProfileFile} (the school's published contact details) and {ConsentFile} (a consent register template with one fictional row).
            Existing files are never overwritten unless --force is given; then nothing is written at all.

            Examples:
              postguard init
              postguard init policy/ --force
            """);
        command.Arguments.Add(dir);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            string root = context.Resolve(parse.GetValue(dir)!);
            var files = new List<(string Path, string Text)>();
            foreach (var (path, text) in RulePack.DefaultPackFiles())
            {
                files.Add((Path.Combine("rules", path.Replace('/', Path.DirectorySeparatorChar)), text));
            }

            files.Add((ProfileFile, ProfileTemplate.ReplaceLineEndings("\n")));
            files.Add((ConsentFile, ConsentTemplate.ReplaceLineEndings("\n")));

            if (!parse.GetValue(force))
            {
                var existing = files.Where(f => File.Exists(Path.Combine(root, f.Path))).Select(f => f.Path.Replace('\\', '/')).ToList();
                if (existing.Count > 0)
                {
                    context.Stderr.WriteLine($"postguard: {string.Join(", ", existing.Take(5))}{(existing.Count > 5 ? $" and {existing.Count - 5} more" : string.Empty)} already exist{(existing.Count == 1 ? "s" : string.Empty)} in {context.Display(root)}; nothing written (--force to overwrite)");
                    return CliApp.ExitUsage;
                }
            }

            foreach (var (path, text) in files)
            {
                string full = Path.Combine(root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            int rules = files.Count - 2;
            context.Stdout.WriteLine($"wrote rules/ ({rules} file{(rules == 1 ? string.Empty : "s")}), {ProfileFile} and {ConsentFile} in {context.Display(root)}");
            if (rules == 0)
            {
                context.Stderr.WriteLine("postguard: warning: this build has no default rule pack embedded; rules/ was not written");
            }

            return CliApp.ExitApprove;
        });
        return command;
    }
}
