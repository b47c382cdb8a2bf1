namespace Shipshape.Hcl.Evaluation;

/// <summary>null.</summary>
public sealed record HclNull : HclValue
{
    public override bool IsWhollyKnown => true;
}
