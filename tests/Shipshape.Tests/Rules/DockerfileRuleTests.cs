using Shipshape.Core.Model;
using Shipshape.Ingest.Dockerfile;
using Shipshape.Rules;
using Shipshape.Rules.Containers;
using Shipshape.Rules.Secrets;

namespace Shipshape.Tests.Rules;

/// <summary>Dockerfile rules over Dockerfiles written from Docker's reference and tools' documentation.</summary>
public sealed class DockerfileRuleTests
{
    private static List<RuleHit> Run(IRule rule, string dockerfile)
    {
        var result = DockerfileAdapter.Adapt("Dockerfile", DockerfileParser.Parse("Dockerfile", dockerfile), "dockerfile");
        return [.. rule.Evaluate(new ModelSet(result.Resources), RuleContext.Default)];
    }

    private static List<int> Lines(IRule rule, string dockerfile) => [.. Run(rule, dockerfile).Select(h => h.Location.StartLine)];

    [Theory]
    [InlineData("FROM alpine:3.20\nRUN adduser -D app\nUSER app\n", 0)]
    [InlineData("FROM alpine:3.20\nUSER app\nUSER root\n", 1)]
    [InlineData("FROM alpine:3.20\nUSER 0:0\n", 1)]
    [InlineData("FROM alpine:3.20\n", 1)]
    [InlineData("FROM gcr.io/distroless/static-debian12:nonroot\n", 0)]
    [InlineData("FROM golang:1.22 AS build\nUSER root\nFROM alpine:3.20\nUSER 10001\n", 0)]
    [InlineData("FROM alpine:3.20 AS base\nUSER 10001\nFROM base\nCOPY a /a\n", 0)]
    [InlineData("FROM alpine:3.20\nUSER ${APP_USER}\n", 0)]
    public void RootUser_FinalStageOnly_HitsWhenRootOrMissing(string dockerfile, int hits) =>
        Assert.Equal(hits, Run(new RootUserRule(), dockerfile).Count);

    [Fact]
    public void BaseImage_LatestUntaggedStageAndScratch_OnlyRealImagesJudged()
    {
        const string dockerfile = "FROM golang AS build\nFROM build AS test\nFROM scratch\nFROM alpine:latest\nFROM alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";

        Assert.Equal([1, 4], Lines(new MutableImageTagRule(), dockerfile));
        Assert.Equal([1, 4], Lines(new ImageNotPinnedByDigestRule(), dockerfile));
        Assert.Equal([1, 4, 5], Lines(new UntrustedRegistryRule(), dockerfile));
    }

    [Theory]
    [InlineData("ADD https://example.com/a.tgz /opt/", true)]
    [InlineData("ADD git@github.com:moby/buildkit.git /src", true)]
    [InlineData("ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /opt/", false)]
    [InlineData("ADD app.tar.gz /opt/", false)]
    [InlineData("ADD [\"https://example.com/a.tgz\", \"/opt/\"]", true)]
    public void AddRemoteUrl_RemoteSourcesWithoutChecksum_Hit(string add, bool hit) =>
        Assert.Equal(hit, Run(new DockerfileAddRemoteUrlRule(), $"FROM alpine:3.20\n{add}\n").Count == 1);

    [Theory]
    [InlineData("curl -fsSL https://get.example.com | sh", true)]
    [InlineData("wget -qO- https://example.com/i.sh | sudo -E bash -", true)]
    [InlineData("sh -c \"$(curl -fsSL https://example.com/i.sh)\"", true)]
    [InlineData("bash <(curl -s https://example.com/i.sh)", true)]
    [InlineData("curl -fsSLo /tmp/i.sh https://example.com/i.sh && sh /tmp/i.sh", false)]
    [InlineData("curl -fsSL https://example.com/a.tgz | tar -xz", false)]
    [InlineData("echo 'curl x | sh' > /notes.txt", false)]
    public void RemoteScriptToShell_PipelinesOnly_Hit(string run, bool hit) =>
        Assert.Equal(hit, Run(new DockerfileRemoteScriptToShellRule(), $"FROM alpine:3.20\nRUN {run}\n").Count == 1);

    [Theory]
    [InlineData("RUN curl -sSLk https://example.com", "curl --insecure")]
    [InlineData("RUN git config --global http.sslVerify false", "git http.sslVerify false")]
    [InlineData("RUN git -c http.sslVerify=false clone https://example.com/r.git", "git http.sslVerify false")]
    [InlineData("RUN npm config set strict-ssl false", "npm strict-ssl false")]
    [InlineData("RUN GIT_SSL_NO_VERIFY=true git clone https://example.com/r.git", "GIT_SSL_NO_VERIFY is set")]
    [InlineData("ENV NODE_TLS_REJECT_UNAUTHORIZED=0", "NODE_TLS_REJECT_UNAUTHORIZED=0")]
    [InlineData("ARG PIP_TRUSTED_HOST=pypi.example.com", "PIP_TRUSTED_HOST is set")]
    [InlineData("RUN dnf install -y --setopt=sslverify=False nginx", "dnf sslverify off")]
    public void TlsVerificationDisabled_EachTool_HitWithReason(string instruction, string reason)
    {
        var hit = Assert.Single(Run(new DockerfileTlsVerificationDisabledRule(), $"FROM alpine:3.20\n{instruction}\n"));

        Assert.Equal(2, hit.Location.StartLine);
        Assert.EndsWith($"disables TLS certificate verification: {reason}.", hit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RUN npm config set strict-ssl true")]
    [InlineData("RUN npm install strict-ssl false")]
    [InlineData("ENV NODE_TLS_REJECT_UNAUTHORIZED=1")]
    [InlineData("RUN curl -fsSL https://example.com | grep -k x")]
    [InlineData("RUN echo --no-check-certificate")]
    public void TlsVerificationDisabled_LookAlikes_NoHit(string instruction) =>
        Assert.Empty(Run(new DockerfileTlsVerificationDisabledRule(), $"FROM alpine:3.20\n{instruction}\n"));

    [Theory]
    [InlineData("RUN apk add --allow-untrusted x.apk", "apk --allow-untrusted")]
    [InlineData("RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y x", "apt-get APT::Get::AllowUnauthenticated")]
    [InlineData("RUN microdnf install --nogpgcheck x", "microdnf --nogpgcheck")]
    [InlineData("RUN rpm -i --nosignature x.rpm", "rpm --nosignature")]
    [InlineData("RUN zypper --no-gpg-checks install x", "zypper --no-gpg-checks")]
    public void UnsignedPackages_EachManager_HitWithOption(string instruction, string reason) =>
        Assert.EndsWith($"({reason}).", Assert.Single(Run(new DockerfileUnsignedPackagesRule(), $"FROM alpine:3.20\n{instruction}\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void SecretInEnvOrArg_ValueNameAndImageReference_OnlySecretsHit()
    {
        const string dockerfile = "ARG BASE=registry.example.com/vllm/vllm-tpu:nightly-20260701-6af3d12-9969466\nFROM ${BASE}\nARG NPM_TOKEN\nENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nENV PASSWORD_FILE=/run/secrets/password\nENV LOG_LEVEL=debug\n";

        var byName = Run(new SecretNameInEnvironmentRule(new SecretValueDetector()), dockerfile);
        var byValue = Run(new SecretValueInEnvironmentRule(new SecretValueDetector()), dockerfile);

        Assert.Equal([3], byName.Select(h => h.Location.StartLine));
        Assert.Equal([4], byValue.Select(h => h.Location.StartLine));
        var hits = byName.Concat(byValue).ToList();
        Assert.DoesNotContain(hits, h => h.Message.Contains("EXAMPLEKEY", StringComparison.Ordinal));
    }

    [Fact]
    public void SshHealthcheckSudo_EachOnItsLine()
    {
        const string dockerfile = "FROM alpine:3.20\nRUN sudo -u app make\nEXPOSE 80 22/tcp\nHEALTHCHECK NONE\n";

        Assert.Equal([3], Lines(new Shipshape.Rules.Network.SshPortExposedRule(), dockerfile));
        Assert.Equal([2], Lines(new DockerfileSudoRule(), dockerfile));
        Assert.Contains("HEALTHCHECK NONE", Assert.Single(Run(new MissingHealthCheckRule(), dockerfile)).Message, StringComparison.Ordinal);
        Assert.Empty(Run(new MissingHealthCheckRule(), "FROM alpine:3.20\nHEALTHCHECK CMD true\n"));
    }
}
