using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>SHP-CTR-046: the image ships an SSH server (sshd, dropbear): a way into containers besides the deployment pipeline.</summary>
public sealed class ImageSshServerRule : IRule
{
    public string Id => "SHP-CTR-046";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var image in model.OfType<ContainerImage>())
        {
            foreach (var file in image.Files.Where(f => f.IsFile && ImageFileKinds.Of(f.Path) == ImageFileKind.SshServer))
            {
                yield return new RuleHit(image, file.Span, file.Path, $"{RuleText.Describe(image)} ships an SSH server (/{file.Path}, layer {file.Layer}).");
            }
        }
    }
}
