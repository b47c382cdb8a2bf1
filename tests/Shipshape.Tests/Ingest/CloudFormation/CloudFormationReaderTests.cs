using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Ingest.CloudFormation;
using Shipshape.Ingest.Syntax;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Ingest.CloudFormation;

public sealed class CloudFormationReaderTests
{
    private static ImmutableArray<Resource> Read(string fixture, CloudFormationOptions? options = null)
    {
        var path = TestPaths.Fixture("cloudformation", fixture);
        var parsed = StructuredParser.Parse(fixture, File.ReadAllBytes(path));
        Assert.Empty(parsed.Diagnostics);
        var reader = new CloudFormationReader(options);
        Assert.True(reader.CanRead(parsed.Roots[0]));
        var result = reader.Read(fixture, parsed.Roots[0]);
        Assert.Empty(result.Diagnostics);
        return result.Resources;
    }

    private static TaskDefinition Task(ImmutableArray<Resource> resources) => resources.OfType<TaskDefinition>().Single();

    [Fact]
    public void Read_ShortFormIntrinsics_ResolvedAsCloudFormationWould()
    {
        var td = Task(Read("intrinsics.yaml"));
        var env = td.Containers[0].Environment.ToDictionary(e => e.Name.Current, e => e.Val);

        Assert.Equal(("awsvpc", ValueOrigin.Explicit), (td.NetworkMode.Current, td.NetworkMode.Origin));
        Assert.Equal("10.0.0.0/16", env["CIDR"].Current);
        Assert.Equal("subnet-a,subnet-b", env["SUBNETS"].Current);
        Assert.Equal("b", env["SECOND"].Current);
        Assert.Equal("${NotAVar}-x", env["LITERAL"].Current);
        Assert.Equal(ValueOrigin.Unresolved, env["IMPORTED"].Origin);
        Assert.Equal(58, env["CIDR"].Span.StartLine);
    }

    [Fact]
    public void Read_UnknownParameterAndPseudoParameter_AreUnresolvedNotDefaulted()
    {
        var td = Task(Read("intrinsics.yaml"));

        Assert.Equal(ValueOrigin.Unresolved, td.Family.Origin);
        Assert.Equal(ValueOrigin.Unresolved, td.Containers[0].Image.Origin);
        Assert.Equal(53, td.Containers[0].Image.Span.StartLine);
    }

    [Fact]
    public void Read_NoValueUnderFalseCondition_RemovesPropertySoDefaultApplies()
    {
        var td = Task(Read("intrinsics.yaml"));

        Assert.Equal((false, ValueOrigin.Defaulted), (td.Containers[0].Privileged.Current, td.Containers[0].Privileged.Origin));
    }

    [Fact]
    public void Read_GetAtt_BecomesLinkToTheRole()
    {
        var resources = Read("intrinsics.yaml");
        var td = Task(resources);

        Assert.Equal(("TaskRole", "Arn", ValueOrigin.Unresolved), (td.TaskRoleArn.Reference, td.TaskRoleArn.ReferenceAttribute, td.TaskRoleArn.Origin));
        Assert.Equal("TaskRole", td.ExecutionRoleArn.Reference);
        var role = resources.OfType<IamRole>().Single();
        Assert.Equal("Service:ecs-tasks.amazonaws.com", role.TrustPolicy!.Statements[0].Principals[0].Current);
        Assert.Equal(["sts:AssumeRole"], role.TrustPolicy.Statements[0].Actions.Select(a => a.Current));
    }

    [Fact]
    public void Read_ResourceUnderFalseCondition_IsSkipped()
    {
        Assert.Empty(Read("intrinsics.yaml").OfType<EfsFileSystem>());
    }

    [Fact]
    public void Read_ParameterOverrides_ChangeConditionsAndValues()
    {
        var options = new CloudFormationOptions
        {
            Parameters = ImmutableDictionary<string, string>.Empty.Add("Environment", "dev").Add("ImageTag", "1.4.2"),
        };

        var resources = Read("intrinsics.yaml", options);
        var td = Task(resources);

        Assert.Equal("bridge", td.NetworkMode.Current);
        Assert.Equal((true, ValueOrigin.Explicit), (td.Containers[0].Privileged.Current, td.Containers[0].Privileged.Origin));
        Assert.Equal("111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2", td.Containers[0].Image.Current);
        Assert.Single(resources.OfType<EfsFileSystem>());
    }

    [Fact]
    public void Read_MetadataCdkPathAndSuppression_CarriedOnResource()
    {
        var td = Task(Read("intrinsics.yaml"));

        Assert.Equal("WebStack/Service/TaskDef/Resource", td.DisplayName);
        Assert.Equal([new ResourceSuppression("SHP-CTR-008", "digests are pinned by the deployment pipeline")], td.Suppressions.ToArray());
        Assert.Equal("ContainerDefinitions[web].Privileged", td.Containers[0].Privileged.Path);
    }

    [Fact]
    public void Read_LongFormJson_SecurityGroupsRulesAndRotation()
    {
        var resources = Read("longform.json");

        var group = resources.OfType<SecurityGroup>().Single();
        Assert.Equal(2, group.Rules.Length);
        Assert.Equal(("0.0.0.0/0", 443, 443), (group.Rules[0].CidrIpv4.Current, group.Rules[0].FromPort.Current, group.Rules[0].ToPort.Current));
        Assert.Equal(("10.0.0.0/16", 22), (group.Rules[1].CidrIpv4.Current, group.Rules[1].FromPort.Current));
        var standalone = resources.OfType<SecurityGroupRule>().Single();
        Assert.Equal(("AdminIngress", "WebSecurityGroup", "::/0"), (standalone.Address, standalone.Group.Reference, standalone.CidrIpv6.Current));
        Assert.True(standalone.AllTraffic);
        var secret = resources.OfType<SecretsManagerSecret>().Single();
        Assert.Equal((true, ValueOrigin.Explicit), (secret.Rotated.Current, secret.Rotated.Origin));
    }

    [Fact]
    public void Read_CapacityProvider_DefaultsFromTheResourceReference()
    {
        const string template = """
            Resources:
              Provider:
                Type: AWS::ECS::CapacityProvider
                Properties:
                  AutoScalingGroupProvider:
                    AutoScalingGroupArn: !Ref Group
                    ManagedScaling:
                      Status: ENABLED
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
            """;
        var parsed = StructuredParser.Parse("t.yaml", System.Text.Encoding.UTF8.GetBytes(template));

        var provider = new CloudFormationReader().Read("t.yaml", parsed.Roots[0]).Resources.OfType<EcsCapacityProvider>().Single();

        Assert.Equal("Group", provider.AutoScalingGroup.Reference);
        Assert.Equal(("DISABLED", ValueOrigin.Defaulted), (provider.ManagedTerminationProtection.Current, provider.ManagedTerminationProtection.Origin));
        Assert.Equal(("ENABLED", 8), (provider.ManagedScaling.Current, provider.ManagedScaling.Span.StartLine));
    }
}
