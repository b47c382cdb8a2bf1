using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-127: an IAM user gets a console password (CloudFormation LoginProfile, Terraform aws_iam_user_login_profile),
/// so a person signs in with long-term credentials instead of federation through IAM Identity Center or an identity provider.
/// </summary>
public sealed class ConsolePasswordUserRule : IRule
{
    public string Id => "SHP-IAM-127";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var user in model.OfType<IamPrincipal>())
        {
            if (user.ConsolePassword is { IsExplicit: true, Current: true } password)
            {
                yield return RuleText.Hit(user, password, $"IAM user '{user.Address}' has a console password (LoginProfile), so a person signs in with long-term IAM user credentials.");
            }
        }

        foreach (var profile in model.OfType<IamLoginProfile>())
        {
            var user = ModelLinks.Resolve<IamPrincipal>(model, profile.User.Reference, profile);
            yield return user is null
                ? RuleText.Hit(profile, profile.User, $"Login profile '{profile.Address}' gives an IAM user a console password, so a person signs in with long-term IAM user credentials.")
                : RuleText.Hit(user, profile.User, $"IAM user '{user.Address}' has a console password ('{profile.Address}'), so a person signs in with long-term IAM user credentials.");
        }
    }
}
