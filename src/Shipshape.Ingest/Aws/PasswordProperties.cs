using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Aws;

/// <summary>
/// The one table of resource properties that hold a password or an authentication token, in CloudFormation's and
/// Terraform's spelling (from each service's resource reference); one <see cref="PasswordProperty"/> per value set.
/// A path segment ending in [] is a list of objects (MQ broker users).
/// </summary>
internal static class PasswordProperties
{
    private static readonly Dictionary<string, string[]> ByType = new(StringComparer.Ordinal)
    {
        ["AWS::RDS::DBInstance"] = ["MasterUserPassword"],
        ["AWS::RDS::DBCluster"] = ["MasterUserPassword"],
        ["AWS::DocDB::DBCluster"] = ["MasterUserPassword"],
        ["AWS::Redshift::Cluster"] = ["MasterUserPassword"],
        ["AWS::DMS::Endpoint"] = ["Password"],
        ["AWS::DirectoryService::MicrosoftAD"] = ["Password"],
        ["AWS::DirectoryService::SimpleAD"] = ["Password"],
        ["AWS::Amplify::App"] = ["BasicAuthConfig.Password"],
        ["AWS::Amplify::Branch"] = ["BasicAuthConfig.Password"],
        ["AWS::IAM::User"] = ["LoginProfile.Password"],
        ["AWS::ElastiCache::ReplicationGroup"] = ["AuthToken"],
        ["AWS::MQ::Broker"] = ["Users[].Password"],
        ["AWS::OpenSearchService::Domain"] = ["AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword"],
        ["aws_db_instance"] = ["password"],
        ["aws_rds_cluster"] = ["master_password"],
        ["aws_docdb_cluster"] = ["master_password"],
        ["aws_redshift_cluster"] = ["master_password"],
        ["aws_dms_endpoint"] = ["password"],
        ["aws_directory_service_directory"] = ["password"],
        ["aws_amplify_app"] = ["basic_auth_credentials"],
        ["aws_amplify_branch"] = ["basic_auth_credentials"],
        ["aws_elasticache_replication_group"] = ["auth_token"],
        ["aws_mq_broker"] = ["user[].password"],
        ["aws_opensearch_domain"] = ["advanced_security_options.master_user_options.master_user_password"],
    };

    /// <summary>The resource types (of either source) that have password properties.</summary>
    public static IEnumerable<string> Types => ByType.Keys;

    public static bool Handles(string type) => ByType.ContainsKey(type);

    /// <summary>Every password property the resource sets (absent ones are not the resource's password: nothing to report).</summary>
    public static IEnumerable<PasswordProperty> Read(ResourceIdentity id, PropertyReader properties)
    {
        if (!ByType.TryGetValue(id.Kind, out var paths))
        {
            yield break;
        }

        foreach (var path in paths)
        {
            var segments = path.Split('.');
            IEnumerable<PropertyReader> parents = [properties];
            foreach (var segment in segments[..^1])
            {
                parents = [.. parents.SelectMany(p => p.Blocks(segment.TrimEnd('[', ']')))];
            }

            var last = segments[^1];
            foreach (var parent in parents)
            {
                foreach (var owner in last.EndsWith("[]", StringComparison.Ordinal) ? parent.Blocks(last[..^2]) : [parent])
                {
                    var key = last.TrimEnd('[', ']');
                    if (owner.Has(key))
                    {
                        var value = owner.String(key);
                        yield return new PasswordProperty
                        {
                            Address = id.Address,
                            Kind = id.Kind,
                            Span = id.Span,
                            SourceFormat = id.SourceFormat,
                            Property = value.Path,
                            Password = value,
                        };
                    }
                }
            }
        }
    }
}
