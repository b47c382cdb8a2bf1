using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>
/// SHP-CTR-045: an account in the image's /etc/shadow (or /etc/passwd, without shadow) has an empty password field,
/// so anyone can log in as it (CVE-2019-5021, Alpine's root). Locked ("!", "*") and hashed passwords are not reported.
/// </summary>
public sealed class ImageEmptyPasswordRule : IRule
{
    public string Id => "SHP-CTR-045";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var image in model.OfType<ContainerImage>())
        {
            var shadow = image.AccountFiles.FirstOrDefault(f => f.Path == "etc/shadow");
            foreach (var file in image.AccountFiles.Where(f => f.Path == "etc/shadow" || (f.Path == "etc/passwd" && shadow is null)))
            {
                var lines = file.Content.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    var fields = lines[i].TrimEnd('\r').Split(':');
                    if (fields.Length >= 2 && fields[0].Length > 0 && !fields[0].StartsWith('#') && fields[1].Length == 0)
                    {
                        yield return new RuleHit(image, file.Span with { StartLine = i + 1, EndLine = i + 1 }, file.Path,
                            $"{RuleText.Describe(image)}: account '{fields[0]}' in /{file.Path} has an empty password, so anyone can log in as it.", fields[0]);
                    }
                }
            }
        }
    }
}
