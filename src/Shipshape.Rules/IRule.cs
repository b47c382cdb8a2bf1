using Shipshape.Core.Model;

namespace Shipshape.Rules;

/// <summary>One check over the normalised model; its metadata lives in Metadata/&lt;ID&gt;.yaml.</summary>
public interface IRule
{
    /// <summary>The stable rule ID, for example "SHP-CTR-001".</summary>
    string Id { get; }

    IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context);
}
