using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>
/// SHP-CTR-047: two accounts in the image's /etc/passwd share a UID, or two groups in /etc/group share a GID: the later
/// one is the same user to the kernel ("toor" with UID 0 is root under another name).
/// </summary>
public sealed class ImageDuplicateIdRule : IRule
{
    public string Id => "SHP-CTR-047";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var image in model.OfType<ContainerImage>())
        {
            foreach (var file in image.AccountFiles.Where(f => f.Path is "etc/passwd" or "etc/group"))
            {
                var what = file.Path == "etc/passwd" ? ("account", "UID") : ("group", "GID");
                var first = new Dictionary<string, string>(StringComparer.Ordinal);
                var lines = file.Content.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    var fields = lines[i].TrimEnd('\r').Split(':');
                    if (fields.Length < 3 || fields[0].Length == 0 || fields[0].StartsWith('#') || fields[2].Length == 0)
                    {
                        continue;
                    }

                    if (!first.TryAdd(fields[2], fields[0]))
                    {
                        yield return new RuleHit(image, file.Span with { StartLine = i + 1, EndLine = i + 1 }, file.Path, string.Create(CultureInfo.InvariantCulture,
                            $"{RuleText.Describe(image)}: {what.Item1} '{fields[0]}' in /{file.Path} has {what.Item2} {fields[2]}, as '{first[fields[2]]}' has; to the kernel they are one."),
                            fields[0]);
                    }
                }
            }
        }
    }
}
