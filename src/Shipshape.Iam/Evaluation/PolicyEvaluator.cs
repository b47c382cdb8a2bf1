using Shipshape.Core.Model;
using Shipshape.Iam.Catalog;
using Shipshape.Iam.Matching;

namespace Shipshape.Iam.Evaluation;

/// <summary>
/// AWS's documented policy evaluation logic within one account: an explicit Deny anywhere wins; every SCP level must
/// allow; an Allow in the resource's policy for the principal grants; otherwise the permissions boundary (when any)
/// and an identity policy must both allow; everything else is an implicit deny.
/// </summary>
public sealed class PolicyEvaluator(IamCatalog catalog)
{
    private const string Probe = "shipshape-probe-0q7z";

    public IamCatalog Catalog { get; } = catalog;

    public EvaluationResult Evaluate(PolicySet policies, RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(request);
        var identity = policies.Identity.SelectMany(d => d.Statements);
        var resource = policies.ResourcePolicies.SelectMany(d => d.Statements);
        var boundary = policies.PermissionsBoundary?.Statements ?? [];
        var scps = policies.ServiceControlPolicies.SelectMany(level => level.SelectMany(d => d.Statements));

        var deny = identity.Concat(boundary).Concat(scps).FirstOrDefault(s => Applies(s, "Deny", request, false))
            ?? resource.FirstOrDefault(s => Applies(s, "Deny", request, true));
        if (deny is not null)
        {
            return new EvaluationResult(Decision.ExplicitDeny, deny);
        }

        foreach (var level in policies.ServiceControlPolicies)
        {
            if (!level.SelectMany(d => d.Statements).Any(s => Applies(s, "Allow", request, false)))
            {
                return new EvaluationResult(Decision.ImplicitDeny, null);
            }
        }

        if (resource.FirstOrDefault(s => Applies(s, "Allow", request, true)) is { } resourceAllow)
        {
            return new EvaluationResult(Decision.Allowed, resourceAllow);
        }

        if (policies.PermissionsBoundary is not null && !boundary.Any(s => Applies(s, "Allow", request, false)))
        {
            return new EvaluationResult(Decision.ImplicitDeny, null);
        }

        var allow = identity.FirstOrDefault(s => Applies(s, "Allow", request, false));
        return allow is null ? new EvaluationResult(Decision.ImplicitDeny, null) : new EvaluationResult(Decision.Allowed, allow);
    }

    /// <summary>Whether one statement with this effect applies to the request (action, resource, principal, conditions).</summary>
    public bool Applies(PolicyStatement statement, string effect, RequestContext request, bool checkPrincipal)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(statement.Effect.Current, effect, StringComparison.Ordinal) || !statement.Effect.IsKnown)
        {
            return false;
        }

        var actionMatches = !statement.Actions.IsEmpty
            ? statement.Actions.Any(a => a.IsKnown && Wildcard.Matches(a.Current, request.Action, ignoreCase: true))
            : !statement.NotActions.IsEmpty && !statement.NotActions.Any(a => a.IsKnown && Wildcard.Matches(a.Current, request.Action, ignoreCase: true));
        return actionMatches
            && ResourceMatches(statement, request, effect)
            && (!checkPrincipal || PrincipalMatches(statement, request))
            && ConditionEvaluator.All(statement.Conditions, request);
    }

    private bool ResourceMatches(PolicyStatement statement, RequestContext request, string effect)
    {
        if (statement.Resources.IsEmpty && statement.NotResources.IsEmpty)
        {
            // Resource policies may omit the element: they apply to the resource they are attached to.
            return true;
        }

        if (request.Resource is null)
        {
            if (request.AnyNamedResource && effect == "Allow")
            {
                var service = request.Action.Split(':')[0];
                return statement.Resources.IsEmpty || statement.Resources.Any(r => r.IsKnown
                    && (r.Current == "*" || (r.Current.Split(':', 6) is { Length: 6 } arn && Wildcard.Matches(arn[2], service, ignoreCase: true))));
            }

            // "Some arbitrary resource": a NotResource list leaves almost every resource in.
            return statement.Resources.IsEmpty || statement.Resources.Any(r => r.IsKnown && IsUnscoped(r.Current, request.Action));
        }

        bool Match(Value<string> pattern) => pattern.IsKnown
            && PolicyVariables.Substitute(pattern.Current, request) is { } text
            && Wildcard.Matches(text, request.Resource, ignoreCase: false);
        return !statement.Resources.IsEmpty ? statement.Resources.Any(Match) : !statement.NotResources.Any(Match);
    }

    /// <summary>
    /// Whether a Resource pattern covers resources of the action that nobody named: "*", or a pattern that matches an
    /// ARN built from the catalogue's ARN formats with the pattern's own partition, region and account and made-up names.
    /// </summary>
    public bool IsUnscoped(string pattern, string action)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern == "*")
        {
            return true;
        }

        var parts = pattern.Split(':', 6);
        if (parts.Length != 6)
        {
            return false;
        }

        var found = Catalog.Find(action);
        var formats = found is null || !Catalog.TryGetService(found.Service, out var service)
            ? []
            : found.Resources.Select(r => service.ResourceArnFormats.GetValueOrDefault(r.ResourceType)).OfType<string>();
        foreach (var format in formats)
        {
            var probe = format
                .Replace("${Partition}", Literal(parts[1], "aws"), StringComparison.Ordinal)
                .Replace("${Region}", Literal(parts[3], "us-east-1"), StringComparison.Ordinal)
                .Replace("${Account}", Literal(parts[4], "000000000000"), StringComparison.Ordinal);
            probe = ProbeNames(probe);
            if (Wildcard.Matches(pattern, probe, ignoreCase: false))
            {
                return true;
            }
        }

        return found is null && parts[5] is "*" or "*/*";
    }

    private static string Literal(string component, string fallback) => Wildcard.HasWildcard(component) || component.Length == 0 ? fallback : component;

    private static string ProbeNames(string format) => Placeholders.Replace(format, _ => Probe)!;

    private static bool PrincipalMatches(PolicyStatement statement, RequestContext request)
    {
        if (!statement.Principals.IsEmpty)
        {
            return statement.Principals.Any(p => p.IsKnown && PrincipalMatches(p.Current, request.Principal));
        }

        return !statement.NotPrincipals.IsEmpty && !statement.NotPrincipals.Any(p => p.IsKnown && PrincipalMatches(p.Current, request.Principal));
    }

    /// <summary>Whether a policy principal ("*", "AWS:arn…", "AWS:111122223333", "Service:ecs-tasks.amazonaws.com") covers the caller.</summary>
    public static bool PrincipalMatches(string principal, string? caller)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal is "*" or "AWS:*")
        {
            return true;
        }

        if (caller is null)
        {
            return false;
        }

        var colon = principal.IndexOf(':', StringComparison.Ordinal);
        var type = colon < 0 ? "AWS" : principal[..colon];
        var value = colon < 0 ? principal : principal[(colon + 1)..];
        if (type != "AWS")
        {
            return string.Equals(value, caller, StringComparison.OrdinalIgnoreCase);
        }

        if (string.Equals(value, caller, StringComparison.Ordinal))
        {
            return true;
        }

        // An account (its ID or its root ARN) stands for every principal of that account.
        var account = value.StartsWith("arn:", StringComparison.Ordinal) && value.EndsWith(":root", StringComparison.Ordinal)
            ? value.Split(':')[4]
            : value.All(char.IsAsciiDigit) ? value : null;
        var callerAccount = caller.StartsWith("arn:", StringComparison.Ordinal) && caller.Split(':') is { Length: >= 5 } c ? c[4] : caller;
        return account is not null && account == callerAccount;
    }
}
