using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>SHP-CMP-101: one of the card networks' published test numbers; low severity, but it marks where real numbers may flow.</summary>
public sealed class TestCardNumberRule : ContentRule
{
    public override string Id => "SHP-CMP-101";

    protected override IEnumerable<RuleHit> Hits(SourceFile file, ContentScanResult content) =>
        content.Cards.Where(hit => hit.IsTestNumber).Select(hit => ContentText.CardHit(file, content, hit, "Test card number"));
}
