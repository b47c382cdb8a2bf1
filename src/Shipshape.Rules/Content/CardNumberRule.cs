using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>SHP-CMP-100: a full primary account number (Luhn-valid, known issuer and length) stored in a file.</summary>
public sealed class CardNumberRule : ContentRule
{
    public override string Id => "SHP-CMP-100";

    protected override IEnumerable<RuleHit> Hits(SourceFile file, ContentScanResult content) =>
        content.Cards.Where(hit => !hit.IsTestNumber).Select(hit => ContentText.CardHit(file, content, hit, "Card number (PAN) stored"));
}
