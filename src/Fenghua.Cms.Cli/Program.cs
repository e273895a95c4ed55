using Fenghua.Cms.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error);
