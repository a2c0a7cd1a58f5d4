using PostGuard.Cli;

return CliApp.Run(args, CliContext.FromConsole());
