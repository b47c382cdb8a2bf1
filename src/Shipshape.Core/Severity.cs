namespace Shipshape.Core;

/// <summary>How much a finding matters; ordered so that a larger value is more severe.</summary>
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
