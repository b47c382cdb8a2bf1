using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>SHP-CMP-100: a full primary account number (Luhn-valid, known issuer and length) stored in a file.</summary>
public sealed class CardNumberRule : IContentRule
{
    public string Id => "SHP-CMP-100";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context) => [];

    public IEnumerable<RuleHit> Evaluate(SourceFile file, ContentScanResult content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        return content.Cards.Where(hit => !hit.IsTestNumber).Select(hit => ContentText.CardHit(file, content, hit, "Card number (PAN) stored"));
    }
}
