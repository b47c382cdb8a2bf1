using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-122: a RUN in a stage the image is made of installs packages and leaves the package manager's cache in
/// the layer: apt-get without removing /var/lib/apt/lists, apk add without --no-cache, yum/dnf/microdnf without
/// "clean all", zypper without "clean", pip install without --no-cache-dir, yarn without "yarn cache clean".
/// A cache mount (RUN --mount=type=cache) keeps the cache out of the layer and passes. Stages that only feed
/// COPY --from are not judged: their layers are not in the image.
/// </summary>
public sealed class DockerfilePackageCacheRule : IRule
{
    public string Id => "SHP-CTR-122";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in DockerfileCommands.InImage(model))
        {
            var pipNoCache = stage.Environment.Any(e => string.Equals(e.Name.Current, "PIP_NO_CACHE_DIR", StringComparison.OrdinalIgnoreCase));
            foreach (var run in stage.Runs)
            {
                if (run.Flags.Any(f => f.StartsWith("--mount=", StringComparison.Ordinal) && f.Contains("type=cache", StringComparison.Ordinal)))
                {
                    continue;
                }

                var packages = DockerfileCommands.Packages(run).ToList();
                foreach (var install in packages.Where(p => p.Installs))
                {
                    if (Problem(install, packages, run, pipNoCache) is { } problem)
                    {
                        yield return DockerfileCommands.Hit(stage, run, $"{RuleText.DescribeCapitalised(stage)} {problem}.", install.Family);
                        break;
                    }
                }
            }
        }

        // In an image, the cache itself: one finding per cache directory, at its first file.
        foreach (var image in model.OfType<ContainerImage>())
        {
            foreach (var cache in image.Files.Where(f => f.IsFile).GroupBy(f => ImageFileKinds.PackageCacheOf(f.Path)).Where(g => g.Key is not null))
            {
                var first = cache.First();
                yield return new RuleHit(image, first.Span, cache.Key,
                    $"{RuleText.Describe(image)} keeps {cache.Count()} package cache files under /{cache.Key} (the first in layer {first.Layer}).");
            }
        }
    }

    private static string? Problem(PackageCommand install, List<PackageCommand> all, DockerfileInstruction run, bool pipNoCache)
    {
        bool Removes(string path) => run.Commands.Any(c => c.Program == "rm" && c.Arguments.Any(a => a.StartsWith(path, StringComparison.Ordinal)));
        bool Cleans(params string[] verbs) => all.Any(p => p.Index > install.Index && p.Family == install.Family && verbs.Contains(p.Verb)
            && (p.Family != "yum" || p.Operands.Contains("all") || p.Manager == "microdnf"));
        return install.Family switch
        {
            "apt-get" when !Removes("/var/lib/apt/lists") =>
                $"runs '{install.Manager} {install.Verb}' without 'rm -rf /var/lib/apt/lists/*' in the same RUN, so the package lists stay in the layer",
            "apk" when !install.Has("--no-cache") && !Removes("/var/cache/apk") =>
                "runs 'apk add' without --no-cache, so the package index stays in the layer",
            "yum" when !Cleans("clean") && !Removes("/var/cache/yum") && !Removes("/var/cache/dnf") =>
                $"runs '{install.Manager} {install.Verb}' without '{install.Manager} clean all' in the same RUN, so the package cache stays in the layer",
            "zypper" when !Cleans("clean", "cc") && !Removes("/var/cache/zypp") =>
                "runs 'zypper install' without 'zypper clean' in the same RUN, so the package cache stays in the layer",
            "pip" when !pipNoCache && !install.Has("--no-cache-dir") && !Removes("/root/.cache") =>
                "runs 'pip install' without --no-cache-dir, so the download cache stays in the layer",
            "yarn" when !all.Any(p => p.Index > install.Index && p.Family == "yarn" && p.Verb == "cache" && p.Operands.Contains("clean")) =>
                $"runs 'yarn {install.Verb}' without 'yarn cache clean' in the same RUN, so the package cache stays in the layer",
            _ => null,
        };
    }
}
