using System.CommandLine;
using System.Text.Json;
using Shipshape.Iam.Catalog;

namespace Shipshape.Cli;

/// <summary>`shipshape iam …`: the IAM tools (catalogue refresh, least-privilege policy suggestion and generation).</summary>
internal static class IamCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("iam", "IAM tools: refresh the action catalogue, suggest and generate least-privilege policies.");
        command.Subcommands.Add(UpdateCatalog(stderr));
        command.Subcommands.Add(IamSuggestCommand.Build(stdout, stderr));
        command.Subcommands.Add(IamGenerateCommand.Build(stdout, stderr));
        return command;
    }

    private static Command UpdateCatalog(TextWriter stderr)
    {
        var source = new Option<string?>("--source") { Description = $"The service reference index URL (default: {ServiceReference.DefaultIndex})." };
        var cache = new Option<string?>("--cache") { Description = "The cache file to write (default: $XDG_CACHE_HOME/shipshape or ~/.cache/shipshape)." };
        var command = new Command("update-catalog", "Refresh the user-level IAM action catalogue from AWS's programmatic service reference; scans use it when it is newer than the built-in copy.")
        {
            source, cache,
        };
        command.SetAction(async (parse, token) =>
        {
            var text = parse.GetValue(source);
            Uri index;
            if (text is null)
            {
                index = ServiceReference.DefaultIndex;
            }
            else if (!Uri.TryCreate(text, UriKind.Absolute, out index!) || index.Scheme is not ("http" or "https"))
            {
                stderr.WriteLine($"shipshape: --source: '{text}' is not an http or https URL");
                return ExitCodes.Usage;
            }

            var path = parse.GetValue(cache) ?? IamCatalogCache.DefaultPath();
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
                var catalog = await ServiceReference.FetchAsync(http, index, TimeProvider.System, token).ConfigureAwait(false);
                IamCatalogCache.Save(catalog, path);
                stderr.WriteLine($"shipshape: IAM catalogue updated: {catalog.Services.Count()} services, {catalog.ActionCount} actions, written to {path}");
                return ExitCodes.Clean;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or IOException or UnauthorizedAccessException or TaskCanceledException)
            {
                stderr.WriteLine($"shipshape: could not update the IAM catalogue from {index}: {e.Message}");
                return ExitCodes.Internal;
            }
        });
        return command;
    }
}
