using System.CommandLine;
using PostGuard.Classification;
using PostGuard.Diagnostics;
using PostGuard.Rules;
using PostGuard.Rules.Consent;

namespace PostGuard.Cli.Commands;

/// <summary>The options that say which engine to build: rule pack, school profile and consent register.</summary>
internal sealed class EngineOptions
{
    public Option<string?> Rules { get; } = new("--rules")
    {
        Description = "Rule pack folder (default: the UK schools pack shipped with postguard).",
        HelpName = "DIR",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "School profile YAML: the school's own published phones, emails and addresses, which are not personal data.",
        HelpName = "FILE",
    };

    public Option<string?> Consent { get; } = new("--consent")
    {
        Description = "Pupil consent register CSV exported from the MIS (header: upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish). A FILE.columns.yaml beside it maps other headers.",
        HelpName = "FILE",
    };

    public Option<string?> ConsentColumns { get; } = new("--consent-columns")
    {
        Description = "Column map YAML for the consent register (field: Header lines), when it is not FILE.columns.yaml beside the register.",
        HelpName = "FILE",
    };

    public Option<bool> NoClassifier { get; } = new("--no-classifier")
    {
        Description = "Do not score drafts with the toxicity classifier (its rules then never fire; toxicity is null).",
    };

    public Option<string?> Model { get; } = new("--model")
    {
        Description = "Toxicity model file to use instead of the one shipped with postguard (see 'postguard train').",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(NoClassifier);
        command.Options.Add(Model);
        command.Options.Add(Rules);
        command.Options.Add(Profile);
        command.Options.Add(Consent);
        command.Options.Add(ConsentColumns);
    }

    /// <summary>Loads the pack; configuration problems are printed and null is returned.</summary>
    public RulePack? LoadPack(ParseResult parse, TextWriter stderr)
    {
        try
        {
            return parse.GetValue(Rules) is { } dir ? RulePack.Load(dir) : RulePack.LoadDefault();
        }
        catch (PostGuardConfigurationException ex)
        {
            WriteDiagnostics(ex, stderr);
            return null;
        }
    }

    /// <summary>Builds the engine; configuration problems are printed and null is returned.</summary>
    public (RulePack Pack, PostGuardEngine Engine)? Build(ParseResult parse, TextWriter stderr)
    {
        var pack = LoadPack(parse, stderr);
        if (pack is null)
        {
            return null;
        }

        try
        {
            var builder = new PostGuardEngineBuilder().UseRulePack(pack);
            if (parse.GetValue(NoClassifier))
            {
                builder.UseClassifier(null);
            }
            else if (parse.GetValue(Model) is { } model)
            {
                try
                {
                    builder.UseClassifier(LinearToxicityClassifier.LoadFile(model));
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"{model}: error: cannot load the toxicity model: {ex.Message}");
                    return null;
                }
            }

            if (parse.GetValue(Profile) is { } profile)
            {
                builder.UseProfile(SchoolProfile.Load(profile));
            }

            if (parse.GetValue(Consent) is { } consent)
            {
                builder.UseConsentRegister(ConsentRegister.Load(consent, parse.GetValue(ConsentColumns)));
            }
            else if (parse.GetValue(ConsentColumns) is not null)
            {
                stderr.WriteLine("postguard: --consent-columns needs --consent FILE");
                return null;
            }

            return (pack, builder.Build());
        }
        catch (PostGuardConfigurationException ex)
        {
            WriteDiagnostics(ex, stderr);
            return null;
        }
    }

    public static void WriteDiagnostics(PostGuardConfigurationException ex, TextWriter stderr)
    {
        foreach (var d in ex.Diagnostics)
        {
            stderr.WriteLine(d.ToString());
        }
    }
}
