using Shipshape.Core.Model;
using Shipshape.Rules;
using Shipshape.Rules.Containers;

namespace Shipshape.Tests.Rules;

public sealed class TrustedRegistryMatcherTests
{
    [Theory]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1", true)]
    [InlineData("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/web:1", true)]
    [InlineData("111122223333.dkr.ecr-fips.us-gov-west-1.amazonaws.com/web:1", true)]
    [InlineData("public.ecr.aws/nginx/nginx:1.27", true)]
    [InlineData("nginx:1.27", false)]
    [InlineData("ghcr.io/acme/app:1", false)]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com.evil.example/web:1", false)]
    [InlineData("public.ecr.aws.evil.example/web:1", false)]
    public void IsTrusted_DefaultPatterns_TrustOnlyEcr(string text, bool expected)
    {
        Assert.True(ImageReference.TryParse(text, out var image));
        Assert.Equal(expected, TrustedRegistryMatcher.IsTrusted(image, RuleContext.DefaultTrustedRegistries));
    }

    [Theory]
    [InlineData("ghcr.io/acme", "ghcr.io/acme/app:1", true)]
    [InlineData("ghcr.io/acme/", "ghcr.io/acme/tools/cli:1", true)]
    [InlineData("ghcr.io/acme", "ghcr.io/acmecorp/app:1", false)]
    [InlineData("docker.io/library", "nginx:1.27", true)]
    [InlineData("docker.io/library", "bitnami/redis:7", false)]
    [InlineData("registry.example.com", "REGISTRY.example.com/app", true)]
    [InlineData("*.example.com", "registry.example.com/app", true)]
    [InlineData("*.example.com", "example.com/app", false)]
    public void IsTrusted_CustomPattern_MatchesHostOrPathPrefix(string pattern, string text, bool expected)
    {
        Assert.True(ImageReference.TryParse(text, out var image));
        Assert.Equal(expected, TrustedRegistryMatcher.IsTrusted(image, [pattern]));
    }
}
