using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-016: a trail is defined, but no metric filter, alarm and SNS action watch for unauthorised API calls.</summary>
public sealed class UnauthorizedApiCallAlarmRule : IRule
{
    public string Id => "SHP-LOG-016";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        return SecurityAlarms.Missing(model, Matches, "unauthorised API calls");
    }

    /// <summary>The CIS pattern: ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*"), in any spacing.</summary>
    internal static bool Matches(string normalised) =>
        normalised.Contains("$.errorCode=*UnauthorizedOperation", StringComparison.Ordinal)
        && normalised.Contains("$.errorCode=AccessDenied*", StringComparison.Ordinal);
}
