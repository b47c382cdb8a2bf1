using Shipshape.Core.Model;

namespace Shipshape.Tests.Rules;

public sealed class ImageReferenceTests
{
    private const string Digest = "sha256:0d2a4c1a9e5b7f3c8d6e4a2b0c9f7e5d3b1a8c6e4f2d0b9a7c5e3f1d8b6a4c2e";

    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", null, null)]
    [InlineData("nginx:1.27", "docker.io", "library/nginx", "1.27", null)]
    [InlineData("datadog/agent:7", "docker.io", "datadog/agent", "7", null)]
    [InlineData("docker.io/library/httpd:2.4", "docker.io", "library/httpd", "2.4", null)]
    [InlineData("index.docker.io/nginx", "docker.io", "library/nginx", null, null)]
    [InlineData("public.ecr.aws/docker/library/httpd:latest", "public.ecr.aws", "docker/library/httpd", "latest", null)]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2", "111122223333.dkr.ecr.us-east-1.amazonaws.com", "web", "1.4.2", null)]
    [InlineData("host:5000/ns/img:tag@" + Digest, "host:5000", "ns/img", "tag", Digest)]
    [InlineData("localhost/app", "localhost", "app", null, null)]
    [InlineData("gcr.io/datadoghq/agent@" + Digest, "gcr.io", "datadoghq/agent", null, Digest)]
    [InlineData("[::1]:5000/app:v1", "[::1]:5000", "app", "v1", null)]
    public void TryParse_ValidReference_SplitsIntoParts(string text, string registry, string repository, string? tag, string? digest)
    {
        Assert.True(ImageReference.TryParse(text, out var image));
        Assert.Equal(registry, image.Registry);
        Assert.Equal(repository, image.Repository);
        Assert.Equal(tag, image.Tag);
        Assert.Equal(digest, image.Digest);
    }

    [Theory]
    [InlineData("nginx", true)]
    [InlineData("docker.io/bitnami/redis:7", true)]
    [InlineData("public.ecr.aws/nginx/nginx", false)]
    [InlineData("ghcr.io/acme/app:1", false)]
    public void IsDockerHub_Registry_IsTrueOnlyForDockerHub(string text, bool expected)
    {
        Assert.True(ImageReference.TryParse(text, out var image));
        Assert.Equal(expected, image.IsDockerHub);
    }

    [Theory]
    [InlineData("")]
    [InlineData("${REGISTRY}/app:1")]
    [InlineData("$(AWS_ACCOUNT).dkr.ecr.us-east-1.amazonaws.com/app")]
    [InlineData("Nginx")]
    [InlineData("nginx:")]
    [InlineData("nginx@sha256:abc")]
    [InlineData("nginx:bad tag")]
    [InlineData("ns//img")]
    [InlineData(":1.0")]
    public void TryParse_InvalidOrVariableReference_ReturnsFalse(string text)
    {
        Assert.False(ImageReference.TryParse(text, out var image));
        Assert.Null(image);
    }

    [Fact]
    public void ToString_ParsedReference_IsNormalisedForm()
    {
        Assert.True(ImageReference.TryParse("nginx:1.27", out var image));
        Assert.Equal("docker.io/library/nginx:1.27", image.ToString());
        Assert.Equal("nginx", image.Name);
    }
}
