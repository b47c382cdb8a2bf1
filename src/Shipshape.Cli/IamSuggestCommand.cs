using System.CommandLine;
using Shipshape.Iam.Catalog;
using Shipshape.Iam.Tools;

namespace Shipshape.Cli;

/// <summary>`shipshape iam suggest`: prints a least-privilege policy for the given actions.</summary>
internal static class IamSuggestCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var action = new Option<string[]>("--action", "-a") { Description = "An action to allow, e.g. ecs:StopTask (repeatable).", Required = true };
        var cluster = new Option<string?>("--cluster") { Description = "The ECS or EKS cluster ARN to confine the actions to." };
        var mfa = new Option<bool>("--mfa") { Description = "Require MFA for every action (destructive actions always require it)." };
        var role = new Option<string[]>("--role") { Description = "A role iam:PassRole may pass: a name (in the cluster's account) or an ARN (repeatable; needed with --action iam:PassRole)." };
        var family = new Option<string[]>("--family") { Description = "A task-definition family the actions may use (repeatable; scopes RegisterTaskDefinition, RunTask and the like to it; default: any family)." };
        var command = new Command("suggest", "Print a least-privilege IAM policy for the given actions, with the catalogue's ARN formats and condition keys.")
        {
            action, cluster, mfa, role, family,
        };
        command.SetAction(parse =>
        {
            var clusterArn = parse.GetValue(cluster);
            if (clusterArn is not null && ArnTemplate.ClusterValues(clusterArn) is null)
            {
                stderr.WriteLine($"shipshape: --cluster: '{clusterArn}' is not a cluster ARN (arn:aws:ecs:REGION:ACCOUNT:cluster/NAME)");
                return ExitCodes.Usage;
            }

            // ECS actions are scoped with the ecs:cluster condition and ECS ARNs, which an EKS cluster never matches.
            var actions = parse.GetValue(action) ?? [];
            if (clusterArn is not null && actions.Any(a => a.StartsWith("ecs:", StringComparison.OrdinalIgnoreCase))
                && clusterArn.Split(':') is not [_, _, "ecs", ..])
            {
                stderr.WriteLine($"shipshape: --cluster: ECS actions need an Amazon ECS cluster ARN (arn:aws:ecs:REGION:ACCOUNT:cluster/NAME), not '{clusterArn}'");
                return ExitCodes.Usage;
            }

            var request = new SuggestRequest([.. parse.GetValue(action) ?? []], clusterArn, parse.GetValue(mfa)) { Roles = [.. parse.GetValue(role) ?? []], Families = [.. parse.GetValue(family) ?? []] };
            foreach (var problem in PolicySuggester.MissingInputs(request))
            {
                stderr.WriteLine($"shipshape: {problem}");
            }

            if (!PolicySuggester.MissingInputs(request).IsEmpty)
            {
                return ExitCodes.Usage;
            }

            var (statements, unknown) = PolicySuggester.Suggest(request, IamCatalogCache.LoadPreferred());
            if (!unknown.IsEmpty)
            {
                stderr.WriteLine($"shipshape: unknown action(s): {string.Join(", ", unknown)}");
                return ExitCodes.Usage;
            }

            stdout.Write(PolicyJson.Write(statements));
            return ExitCodes.Clean;
        });
        return command;
    }
}
