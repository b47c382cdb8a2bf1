namespace Shipshape.Hcl.Evaluation;

/// <summary>true or false.</summary>
public sealed record HclBool(bool Value) : HclValue
{
    public override bool IsWhollyKnown => true;
}
