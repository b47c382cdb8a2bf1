using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>SHP-CTR-043: a file of the image's final filesystem has the setuid or setgid bit.</summary>
public sealed class ImageSetuidFileRule : IRule
{
    private const long SetUid = 0b100_000_000_000;
    private const long SetGid = 0b010_000_000_000;

    public string Id => "SHP-CTR-043";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var image in model.OfType<ContainerImage>())
        {
            foreach (var file in image.Files.Where(f => f.IsFile && (f.Mode & (SetUid | SetGid)) != 0))
            {
                var bits = (file.Mode & SetUid) != 0 && (file.Mode & SetGid) != 0 ? "setuid and setgid" : (file.Mode & SetUid) != 0 ? "setuid" : "setgid";
                yield return new RuleHit(image, file.Span, file.Path, string.Create(CultureInfo.InvariantCulture,
                    $"{RuleText.Describe(image)} has /{file.Path} {bits} (mode {Convert.ToString(file.Mode & 0b111_111_111_111, 8)}, layer {file.Layer})."));
            }
        }
    }
}
