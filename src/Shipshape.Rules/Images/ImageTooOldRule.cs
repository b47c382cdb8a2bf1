using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>
/// SHP-CTR-042: an image was created longer ago than the age limit (365 days by default, --max-image-age), measured
/// against the scan's date; an image without a creation date (reproducible builds set it to 1970 on purpose: epoch 0 is
/// not judged) is not reported.
/// </summary>
public sealed class ImageTooOldRule : IRule
{
    public string Id => "SHP-CTR-042";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var image in model.OfType<ContainerImage>())
        {
            if (image.Created is not { IsKnown: true, Current: { } created } || created.ToUnixTimeSeconds() <= 0)
            {
                continue;
            }

            var days = context.Today.DayNumber - DateOnly.FromDateTime(created.UtcDateTime).DayNumber;
            if (days > context.MaxImageAgeDays)
            {
                yield return RuleText.Hit(image, image.Created, string.Create(CultureInfo.InvariantCulture,
                    $"{RuleText.Describe(image)} was created on {created.UtcDateTime:yyyy-MM-dd}, {days} days before the scan (the limit is {context.MaxImageAgeDays}); it has missed every fix of its base since."));
            }
        }
    }
}
