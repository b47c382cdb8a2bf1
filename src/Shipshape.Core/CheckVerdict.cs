namespace Shipshape.Core;

/// <summary>One rule's verdict on one resource.</summary>
public enum CheckVerdict
{
    Pass,
    Fail,
    NotApplicable,
    /// <summary>The resource's file was not fully checked, or the rule did not finish: neither pass nor fail.</summary>
    Unresolved,
}
