using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>The shared shape of content rules: nothing from the model, hits from one file's content scan.</summary>
public abstract class ContentRule : IContentRule
{
    public abstract string Id { get; }

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context) => [];

    public IEnumerable<RuleHit> Evaluate(SourceFile file, ContentScanResult content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        return Hits(file, content);
    }

    protected abstract IEnumerable<RuleHit> Hits(SourceFile file, ContentScanResult content);
}
