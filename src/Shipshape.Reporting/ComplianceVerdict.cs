namespace Shipshape.Reporting;

/// <summary>A requirement's verdict in a compliance view.</summary>
public enum ComplianceVerdict
{
    /// <summary>A mapped rule failed on at least one resource.</summary>
    Fail,
    /// <summary>No failure, but a resource could not be fully checked.</summary>
    Unresolved,
    /// <summary>Mapped rules checked at least one resource and none failed.</summary>
    Pass,
    /// <summary>Mapped rules ran but the scan held nothing they apply to.</summary>
    NotApplicable,
    /// <summary>Rules are mapped but some or all of them did not run (--rule, --skip-rule, --scanners), and none that ran failed.</summary>
    NotRun,
    /// <summary>No rule checks it: it needs a person.</summary>
    Manual,
}
