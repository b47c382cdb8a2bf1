using Shipshape.Cli;

return await ShipshapeCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
