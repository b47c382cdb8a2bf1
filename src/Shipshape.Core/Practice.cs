namespace Shipshape.Core;

/// <summary>The seven practice areas of the container-security checklist that findings are organised by.</summary>
public enum Practice
{
    Iam,
    Network,
    Secrets,
    Compliance,
    HostAndContainer,
    LoggingAndMonitoring,
    Pipeline,
}
