using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-127: EXPOSE names a port outside 1–65535 (or a range reaching outside it); TCP and UDP ports are 16-bit.</summary>
public sealed class DockerfileInvalidExposeRule : IRule
{
    public string Id => "SHP-CTR-127";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var port in stage.ExposedPorts.Where(p => p.IsKnown))
            {
                var number = port.Current.Split('/')[0].Trim();
                foreach (var part in number.Split('-'))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
                    {
                        if (part.Length > 0 && part.All(char.IsAsciiDigit))
                        {
                            yield return RuleText.Hit(stage, port, $"{RuleText.DescribeCapitalised(stage)} EXPOSEs port '{port.Current}', outside 1-65535.", port.Current);
                        }

                        break;
                    }
                }
            }
        }
    }
}
