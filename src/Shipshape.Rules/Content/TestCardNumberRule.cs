using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>SHP-CMP-101: one of the card networks' published test numbers; low severity, but it marks where real numbers may flow.</summary>
public sealed class TestCardNumberRule : IContentRule
{
    public string Id => "SHP-CMP-101";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context) => [];

    public IEnumerable<RuleHit> Evaluate(SourceFile file, ContentScanResult content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        return content.Cards.Where(hit => hit.IsTestNumber).Select(hit => ContentText.CardHit(file, content, hit, "Test card number"));
    }
}
