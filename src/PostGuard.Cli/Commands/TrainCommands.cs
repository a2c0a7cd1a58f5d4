using System.CommandLine;
using PostGuard.Classification;

namespace PostGuard.Cli.Commands;

/// <summary><c>postguard train</c> and <c>postguard eval</c>: the toxicity classifier's training and evaluation.</summary>
internal static class TrainCommands
{
    public static Command CreateTrain(CliContext context)
    {
        var train = new Option<string>("--train") { Description = "Training data TSV (label, source, text).", HelpName = "FILE", Required = true };
        var dev = new Option<string>("--dev") { Description = "Development data TSV, used to pick the review and reject thresholds.", HelpName = "FILE", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model file.", HelpName = "FILE", Required = true };
        var command = new Command("train", "Train the toxicity classifier (deterministic), pick its thresholds on the dev data and write the model file.")
        {
            train, dev, output,
        };
        command.SetAction(parse => ToxicityTraining.Train(parse.GetValue(train)!, parse.GetValue(dev)!, parse.GetValue(output)!, context.Stdout) == 0 ? 0 : CliApp.ExitUsage);
        return command;
    }

    public static Command CreateEval(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "Model file (the shipped one is src/PostGuard.Core/Classification/Model/toxicity-default.model).", HelpName = "FILE", Required = true };
        var data = new Option<string>("--data") { Description = "Labelled TSV (label, source, text) to evaluate on.", HelpName = "FILE", Required = true };
        var command = new Command("eval", "Evaluate a toxicity model: precision, recall, F1, ROC-AUC and confusion matrices at both thresholds, overall and per source.")
        {
            model, data,
        };
        command.SetAction(parse => ToxicityTraining.Eval(parse.GetValue(model)!, parse.GetValue(data)!, context.Stdout) == 0 ? 0 : CliApp.ExitUsage);
        return command;
    }
}
