using System.Globalization;

namespace Shipshape.Hcl.Evaluation;

/// <summary>A number (HCL numbers are arbitrary precision; a double covers what infrastructure code uses).</summary>
public sealed record HclNumber(double Value) : HclValue
{
    public override bool IsWhollyKnown => true;

    public bool IsInteger => Math.Abs(Value) < 1e15 && Math.Floor(Value) == Value;

    /// <summary>The number as Terraform prints it: integers without a fraction.</summary>
    public string Text => IsInteger ? ((long)Value).ToString(CultureInfo.InvariantCulture) : Value.ToString("R", CultureInfo.InvariantCulture);

    public override string ToString() => Text;
}
