using Shipshape.Core.Model;

namespace Shipshape.Tests.Rules;

public sealed class ContainerRoleClassifierTests
{
    [Theory]
    [InlineData("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", ContainerRole.LogRouter)]
    [InlineData("906394416424.dkr.ecr.us-west-2.amazonaws.com/aws-for-fluent-bit:stable", ContainerRole.LogRouter)]
    [InlineData("amazon/aws-for-fluent-bit:latest", ContainerRole.LogRouter)]
    [InlineData("fluent/fluent-bit:3.0", ContainerRole.LogRouter)]
    [InlineData("fluent/fluentd:v1.16", ContainerRole.LogRouter)]
    [InlineData("public.ecr.aws/datadog/agent:latest", ContainerRole.MonitoringAgent)]
    [InlineData("datadog/agent:7", ContainerRole.MonitoringAgent)]
    [InlineData("gcr.io/datadoghq/agent:7", ContainerRole.MonitoringAgent)]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com/docker-hub/datadog/agent:7", ContainerRole.MonitoringAgent)]
    [InlineData("${REGISTRY}/datadog/agent:7", ContainerRole.MonitoringAgent)]
    [InlineData("public.ecr.aws/cloudwatch-agent/cloudwatch-agent:latest", ContainerRole.MonitoringAgent)]
    [InlineData("amazon/cloudwatch-agent:latest", ContainerRole.MonitoringAgent)]
    [InlineData("public.ecr.aws/aws-observability/aws-otel-collector:latest", ContainerRole.MonitoringAgent)]
    [InlineData("amazon/aws-xray-daemon", ContainerRole.MonitoringAgent)]
    [InlineData("newrelic/infrastructure:latest", ContainerRole.MonitoringAgent)]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2", ContainerRole.Application)]
    [InlineData("acme/agent:1", ContainerRole.Application)]
    [InlineData("nginx", ContainerRole.Application)]
    [InlineData(null, ContainerRole.Application)]
    public void Classify_Image_RecognisesAgentsAndRouters(string? image, ContainerRole expected)
    {
        Assert.Equal(expected, ContainerRoleClassifier.Classify(image, hasFirelensConfiguration: false));
    }

    [Fact]
    public void Classify_FirelensConfiguration_IsLogRouterWhateverTheImage()
    {
        Assert.Equal(ContainerRole.LogRouter, ContainerRoleClassifier.Classify("111122223333.dkr.ecr.us-east-1.amazonaws.com/my-router:1", hasFirelensConfiguration: true));
    }
}
