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
        const string dockerfile = "ARG BASE=registry.example.com/vllm/vllm-tpu:nightly-20260701-6af3d12-9969466\nFROM ${BASE}\nARG NPM_TOKEN\nENV AWS_SECRET_ACCESS_KEY=q8Vd3mT2/Lx9RkPzW7nJc4HbF6sYgA1eUo5NiK0t\nENV PASSWORD_FILE=/run/secrets/password\nENV LOG_LEVEL=debug\n";

        var byName = Run(new SecretNameInEnvironmentRule(new SecretValueDetector()), dockerfile);
        var byValue = Run(new SecretValueInEnvironmentRule(new SecretValueDetector()), dockerfile);

        Assert.Equal([3], byName.Select(h => h.Location.StartLine));
        Assert.Equal([4], byValue.Select(h => h.Location.StartLine));
        var hits = byName.Concat(byValue).ToList();
        Assert.DoesNotContain(hits, h => h.Message.Contains("RkPzW7nJc4HbF6sYgA1eUo5NiK0t", StringComparison.Ordinal));
    }

    [Fact]
    public void SshHealthcheckSudo_EachOnItsLine()
    {
        const string dockerfile = "FROM alpine:3.20\nRUN sudo -u app make\nEXPOSE 80 22/tcp\nHEALTHCHECK NONE\n";

        Assert.Equal([3], Lines(new Shipshape.Rules.Network.SshPortExposedRule(), dockerfile));
        Assert.Equal([2], Lines(new DockerfileSudoRule(), dockerfile));
        Assert.Contains("HEALTHCHECK NONE", Assert.Single(Run(new NoHealthCheckRule(), dockerfile)).Message, StringComparison.Ordinal);
        Assert.Empty(Run(new NoHealthCheckRule(), "FROM alpine:3.20\nHEALTHCHECK CMD true\n"));
    }

    [Theory]
    [InlineData("ADD app.py /app/", 1)]
    [InlineData("ADD [\"a b\", \"/app/\"]", 1)]
    [InlineData("ADD rootfs.tar.xz /", 0)]
    [InlineData("ADD https://example.com/a.sh /opt/", 0)]
    [InlineData("ADD ${SRC} /opt/", 0)]
    public void AddLocalFile_OnlyNonArchiveLocalSources(string add, int hits) =>
        Assert.Equal(hits, Run(new DockerfileAddLocalFileRule(), $"FROM alpine:3.20\n{add}\n").Count);

    [Fact]
    public void DuplicateStageAlias_CaseInsensitive_ReportsTheSecondFrom()
    {
        const string dockerfile = "FROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20 AS Build\nFROM alpine:3.20 AS final\n";

        Assert.Equal([3], Lines(new DockerfileDuplicateStageAliasRule(), dockerfile));
    }

    [Theory]
    [InlineData("RUN apt-get update", true)]
    [InlineData("RUN apk update", true)]
    [InlineData("RUN apt-get install -y curl && apt-get update", true)]
    [InlineData("RUN apt-get update && apt-get install -y curl", false)]
    [InlineData("RUN apk update && apk upgrade", false)]
    [InlineData("RUN apk --update add curl", false)]
    [InlineData("RUN update-locale LANG=en_US.UTF-8", false)]
    [InlineData("RUN zypper refresh && zypper -n install curl", false)]
    public void UpdateAlone_IndexRefreshWithoutInstallAfterIt(string run, bool hit) =>
        Assert.Equal(hit, Run(new DockerfileUpdateAloneRule(), $"FROM debian:12\n{run}\n").Count == 1);

    [Theory]
    [InlineData("WORKDIR app", 1)]
    [InlineData("WORKDIR /app", 0)]
    [InlineData("WORKDIR C:\\\\app", 0)]
    [InlineData("WORKDIR $HOME/app", 0)]
    public void RelativeWorkdir(string workdir, int hits) =>
        Assert.Equal(hits, Run(new DockerfileRelativeWorkdirRule(), $"FROM alpine:3.20\n{workdir}\n").Count);

    [Theory]
    [InlineData("apt-get install curl", true)]
    [InlineData("apt-get install -y curl", false)]
    [InlineData("apt-get -yq install curl", false)]
    [InlineData("apt-get install -qq curl", false)]
    [InlineData("yes | apt-get install curl", false)]
    [InlineData("DEBIAN_FRONTEND=noninteractive apt-get install curl", true)]
    [InlineData("dnf install nginx", true)]
    [InlineData("microdnf install -y nginx", false)]
    [InlineData("zypper install nginx", true)]
    [InlineData("zypper -n install nginx", false)]
    [InlineData("apt-get update", false)]
    public void InteractiveInstall_ConfirmationPromptNotAnswered(string run, bool hit) =>
        Assert.Equal(hit, Run(new DockerfileInteractiveInstallRule(), $"FROM debian:12\nRUN {run}\n").Count == 1);

    [Theory]
    [InlineData("apt-get install -y curl", true)]
    [InlineData("apt-get install -y --no-install-recommends curl", false)]
    [InlineData("apt-get -o APT::Install-Recommends=false install -y curl", false)]
    [InlineData("apt-get install -y ./local.deb", false)]
    public void InstallRecommends(string run, bool hit) =>
        Assert.Equal(hit, Run(new DockerfileInstallRecommendsRule(), $"FROM debian:12\nRUN {run}\n").Count == 1);

    [Theory]
    [InlineData("apt-get install -y curl=7.88.1-10+deb12u8 git", "'git'")]
    [InlineData("apk add --no-cache --virtual .build-deps gcc", "'gcc'")]
    [InlineData("pip install -r requirements.txt flask", "'flask'")]
    [InlineData("python3 -m pip install requests", "'requests'")]
    [InlineData("npm install -g @angular/cli", "'@angular/cli'")]
    [InlineData("gem install bundler", "'bundler'")]
    [InlineData("dnf install -y nginx", "'nginx'")]
    public void UnpinnedPackage_NamesTheUnpinnedOnes(string run, string named) =>
        Assert.Contains($"installs {named} ", Assert.Single(Run(new DockerfileUnpinnedPackageRule(), $"FROM debian:12\nRUN {run}\n")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("apt-get install -y curl=7.88.1-10+deb12u8")]
    [InlineData("apk add --virtual .deps gcc=13.2.1_git20240309-r0")]
    [InlineData("pip install -r requirements.txt 'flask>=3.0' ./local")]
    [InlineData("npm install -g @angular/cli@18.2.0 typescript@5")]
    [InlineData("npm ci")]
    [InlineData("gem install bundler -v 2.5.18")]
    [InlineData("dnf install -y nginx-1.20.1")]
    [InlineData("apt-get install -y /tmp/tool.deb")]
    public void UnpinnedPackage_PinnedOrFromFiles_NoHit(string run) =>
        Assert.Empty(Run(new DockerfileUnpinnedPackageRule(), $"FROM debian:12\nRUN {run}\n"));

    [Theory]
    [InlineData("RUN apt-get update && apt-get install -y curl", true)]
    [InlineData("RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*", false)]
    [InlineData("RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl", false)]
    [InlineData("RUN apk add curl", true)]
    [InlineData("RUN apk add --no-cache curl", false)]
    [InlineData("RUN dnf install -y nginx && dnf clean all", false)]
    [InlineData("RUN yum install -y nginx && yum clean metadata", true)]
    [InlineData("RUN pip install flask==3.0.3", true)]
    [InlineData("RUN pip install --no-cache-dir flask==3.0.3", false)]
    [InlineData("ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.3", false)]
    [InlineData("RUN zypper -n install curl && zypper clean -a", false)]
    public void PackageCache_FinalImageStages(string instructions, bool hit) =>
        Assert.Equal(hit, Run(new DockerfilePackageCacheRule(), $"FROM debian:12\n{instructions}\n").Count == 1);

    [Fact]
    public void PackageCache_BuilderStageNotInTheImage_NotJudged()
    {
        const string dockerfile = "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12 AS base\nRUN apk add curl\nFROM base\nCOPY --from=build /out /out\n";

        Assert.Equal([4], Lines(new DockerfilePackageCacheRule(), dockerfile));
    }

    [Theory]
    [InlineData("RUN curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg", 1)]
    [InlineData("RUN set -o pipefail && curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg", 0)]
    [InlineData("RUN set -euxo pipefail; curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg", 0)]
    [InlineData("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg", 0)]
    [InlineData("SHELL [\"pwsh\", \"-Command\"]\nRUN Get-ChildItem | Select-Object Name", 0)]
    [InlineData("RUN [\"sh\", \"-c\", \"a | b\"]", 0)]
    [InlineData("RUN apt-get update || true", 0)]
    public void Pipefail(string instructions, int hits) =>
        Assert.Equal(hits, Run(new DockerfilePipefailRule(), $"FROM debian:12\n{instructions}\n").Count);

    [Fact]
    public void ShellFormRepeatedAndMaintainer_EachOnItsLine()
    {
        const string dockerfile = "FROM alpine:3.20\nMAINTAINER a@example.com\nCMD server --debug\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"server\"]\nHEALTHCHECK CMD true\nHEALTHCHECK CMD false\n";

        Assert.Equal([2], Lines(new DockerfileMaintainerRule(), dockerfile));
        Assert.Equal([3], Lines(new DockerfileShellFormCommandRule(), dockerfile));
        Assert.Empty(Run(new DockerfileShellFormCommandRule(), "FROM alpine:3.20\nCMD exec gunicorn --bind :$PORT app:app\n"));
        Assert.Equal([5, 7], Lines(new DockerfileRepeatedInstructionRule(), dockerfile));
    }

    [Fact]
    public void CopyFrom_OwnLaterOrNumericStage_ImagesAndEarlierStagesPass()
    {
        const string dockerfile = "FROM alpine:3.20 AS build\nCOPY --from=build /a /a\nFROM alpine:3.20 AS final\nCOPY --from=build /a /a\nCOPY --from=0 /a /a\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=later /b /b\nCOPY --from=5 /c /c\nFROM alpine:3.20 AS later\n";

        Assert.Equal([2, 7, 8], Lines(new DockerfileCopyFromUnknownStageRule(), dockerfile));
    }

    [Fact]
    public void ChpasswdAptCdExposeAndCopyDestination_EachOnItsLine()
    {
        const string dockerfile = "FROM debian:12\nRUN echo 'root:x' | chpasswd\nRUN apt install -y curl\nRUN cd /src && make\nEXPOSE 8080 70000/udp 1-65536\nCOPY a b /dst\nCOPY a b /dst/\nCOPY a /dst\n";

        Assert.Equal([2], Lines(new DockerfileChpasswdRule(), dockerfile));
        Assert.Equal([3], Lines(new DockerfileAptRule(), dockerfile));
        Assert.Equal([4], Lines(new DockerfileCdInRunRule(), dockerfile));
        Assert.Equal([5, 5], Lines(new DockerfileInvalidExposeRule(), dockerfile));
        Assert.Equal([6], Lines(new DockerfileCopyDestinationRule(), dockerfile));
    }

    [Fact]
    public void CurlAndWget_ReportedOnTheLaterOne_PerStage()
    {
        const string dockerfile = "FROM debian:12 AS a\nRUN wget -q https://example.com/x\nRUN curl -fsSO https://example.com/y\nFROM debian:12\nRUN curl -fsSO https://example.com/z\n";

        Assert.Equal([3], Lines(new DockerfileCurlAndWgetRule(), dockerfile));
    }

    [Theory]
    [InlineData("apt-get update && apt-get dist-upgrade -y", true)]
    [InlineData("zypper -n dup", true)]
    [InlineData("apt-get update && apt-get upgrade -y", false)]
    public void DistUpgrade(string run, bool hit) =>
        Assert.Equal(hit, Run(new DockerfileDistUpgradeRule(), $"FROM debian:12\nRUN {run}\n").Count == 1);
}
