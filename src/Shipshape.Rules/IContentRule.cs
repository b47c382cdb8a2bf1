using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules;

/// <summary>
/// A rule over file content rather than the model: the engine runs the content scan once per file and offers
/// each rule the result. Such rules report nothing from <see cref="IRule.Evaluate"/>.
/// </summary>
public interface IContentRule : IRule
{
    IEnumerable<RuleHit> Evaluate(SourceFile file, ContentScanResult content);
}
