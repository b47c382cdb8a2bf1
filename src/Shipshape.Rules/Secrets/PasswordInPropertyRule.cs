using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// SHP-SEC-019: a password or authentication token property of a resource (database master passwords, DMS endpoints,
/// Directory Service, Amplify basic auth, IAM login profiles, ElastiCache auth tokens, MQ users, OpenSearch master
/// users) has its value written in the file: a literal, or the default of a parameter or variable. A CloudFormation
/// dynamic reference ({{resolve:secretsmanager:…}} or {{resolve:ssm-secure:…}}), a NoEcho parameter without default
/// and a Terraform variable without default or a generated value are not reported. Values are never printed.
/// </summary>
public sealed class PasswordInPropertyRule : IRule
{
    public string Id => "SHP-SEC-019";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var property in model.OfType<PasswordProperty>())
        {
            if (property.Password is not { IsExplicit: true, Current: { } value } || string.IsNullOrWhiteSpace(value)
                || value.TrimStart().StartsWith("{{resolve:", StringComparison.Ordinal))
            {
                continue;
            }

            yield return RuleText.Hit(property, property.Password,
                $"{property.Kind} '{property.Address}' has {property.Property} written in the file (a literal or a default value); anyone who can read the code, the stack's template or the Terraform state has the password.");
        }
    }
}
