namespace Shipshape.Core;

/// <summary>Where a suppression came from.</summary>
public enum SuppressionKind
{
    Inline,
    Config,
    Baseline,
}
