using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>SHP-CTR-044: a directory of the image's final filesystem is writable by every user, outside the temporary directories.</summary>
public sealed class ImageWorldWritableDirectoryRule : IRule
{
    // Temporary directories are world-writable by design (with the sticky bit, which stops users deleting each other's files).
    private static readonly string[] Temporary = ["tmp", "var/tmp", "dev/shm", "run/lock", "var/lock"];

    public string Id => "SHP-CTR-044";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var image in model.OfType<ContainerImage>())
        {
            foreach (var directory in image.Files.Where(f => f.IsDirectory && (f.Mode & 0b010) != 0 && !IsTemporary(f.Path)))
            {
                yield return new RuleHit(image, directory.Span, directory.Path, string.Create(CultureInfo.InvariantCulture,
                    $"{RuleText.Describe(image)} has /{directory.Path} writable by every user (mode {Convert.ToString(directory.Mode & 0b111_111_111_111, 8)}, layer {directory.Layer})."));
            }
        }
    }

    private static bool IsTemporary(string path) =>
        Temporary.Any(t => string.Equals(path, t, StringComparison.Ordinal) || path.StartsWith(t + "/", StringComparison.Ordinal));
}
