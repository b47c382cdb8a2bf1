using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-022: a CloudTrail Lake event data store is encrypted with a key AWS owns instead of a customer managed key.</summary>
public sealed class EventDataStoreWithoutCmkRule : IRule
{
    public string Id => "SHP-LOG-022";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var store in model.OfType<EventDataStore>())
        {
            if (store.KmsKey is { IsKnown: true, Current: null })
            {
                yield return RuleText.Hit(store, store.KmsKey,
                    $"CloudTrail event data store '{store.Address}' has no customer managed KMS key ({RuleText.FieldName(store.KmsKey.Path)}).");
            }
        }
    }
}
