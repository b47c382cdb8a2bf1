using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Images.Signatures;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Images;

/// <summary>
/// Images signed in code (see <see cref="SignatureBuilder"/>): keys, certificates, cosign and Notation signatures are
/// made here following the formats' specifications, then the image is scanned with the keys and certificates a user
/// would give. Signature findings are located at the image's manifest and name the signature's tag or referrer.
/// </summary>
public sealed class ImageSignatureTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static ImageSpec Image => new()
    {
        User = "10001",
        Healthcheck = ["CMD", "/app/health"],
        Tags = ["111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"],
        Layers = [new LayerSpec([LayerEntrySpec.Dir("app"), LayerEntrySpec.File("app/server.py", "print('hello')\n", 493)])],
    };

    private static ScanReport Scan(TempTree tree, string[]? keys = null, string[]? roots = null, string[]? notation = null, string name = "img")
    {
        using var trust = SignatureTrust.Load(
            (keys ?? []).Select((k, i) => tree.Write($"keys/key{i}.pub", k)),
            (roots ?? []).Select((r, i) => tree.Write($"keys/root{i}.pem", r)),
            (notation ?? []).Select((n, i) => tree.Write($"keys/notation{i}.pem", n)));
        return new Scanner(Catalog).Scan(new ScanOptions
        {
            Paths = [tree.PathOf(name)],
            Today = new DateOnly(2026, 12, 4),
            RequireImages = true,
            SignatureTrust = trust,
            OnlyRules = ["SHP-CTR-041", "SHP-CTR-06*"],
        }).RelativeTo(tree.Root);
    }

    private static (string Rule, string Path)[] Findings(ScanReport report) => [.. report.Findings.Select(f => (f.RuleId, f.Location.Path))];

    private static (SortedDictionary<string, byte[]> Files, (string Digest, int Size) Manifest) Layout()
    {
        var files = ImageBuilder.OciLayout(Image);
        return (files, SignatureBuilder.ImageManifest(files));
    }

    private static string Hex(string digest) => digest["sha256:".Length..];

    private static string Location((string Digest, int Size) manifest) => "img!blobs/sha256/" + Hex(manifest.Digest);

    [Theory]
    [InlineData("P-256")]
    [InlineData("P-384")]
    [InlineData("RSA")]
    [InlineData("Ed25519")]
    public void Scan_CosignSigTagSignedWithTheGivenKey_ReportsNothing(string algorithm)
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create(algorithm);
        var (files, manifest) = Layout();
        var payload = SignatureBuilder.SimpleSigningPayload(manifest.Digest);
        SignatureBuilder.AddCosign(files, manifest, payload, Convert.ToBase64String(signer.SignCosign(payload)));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, keys: [signer.PublicKeyPem]);

        Assert.Empty(report.Findings);
        Assert.Equal(1, report.Resources);
        Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("signature", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_UnsignedOciLayout_ReportsNotSignedAtTheManifestNamingItsDigest()
    {
        using var tree = new TempTree();
        var (files, manifest) = Layout();
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree);

        Assert.Equal([("SHP-CTR-060", Location(manifest))], Findings(report));
        Assert.Equal($"Image '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2' has no cosign or Notation signature for {manifest.Digest} (no sha256-<digest>.sig tag and no signature referrer in the layout).",
            report.Findings[0].Message);
        Assert.Equal(Severity.Medium, report.Findings[0].Severity);
    }

    [Fact]
    public void Scan_LegacyDockerSave_ReportsNotSignedAndThatTheFormatCannotHoldSignatures()
    {
        using var tree = new TempTree();
        tree.WriteBytes("img.tar", ImageBuilder.Tar(ImageBuilder.DockerSave(Image, legacy: true)));

        var report = Scan(tree, name: "img.tar");

        Assert.Equal([("SHP-CTR-060", "img.tar!manifest.json")], Findings(report));
        Assert.Contains("a docker-save archive cannot hold one", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_SignedWithAnotherKey_ReportsUntrustedNamingTheSigTagAndKeyFile()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("P-256");
        using var other = TestSigner.Create("P-256");
        var (files, manifest) = Layout();
        var payload = SignatureBuilder.SimpleSigningPayload(manifest.Digest);
        SignatureBuilder.AddCosign(files, manifest, payload, Convert.ToBase64String(signer.SignCosign(payload)));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, keys: [other.PublicKeyPem]);

        Assert.Equal([("SHP-CTR-062", Location(manifest))], Findings(report));
        var message = report.Findings[0].Message;
        Assert.Contains($"the cosign signature (tag sha256-{Hex(manifest.Digest)}.sig)", message, StringComparison.Ordinal);
        Assert.Contains("does not verify with any key given with --key", message, StringComparison.Ordinal);
        Assert.Contains("key0.pub", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_TwoSignersOneTrusted_ReportsNothing()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("P-256");
        using var other = TestSigner.Create("RSA");
        var (files, manifest) = Layout();
        var payload = SignatureBuilder.SimpleSigningPayload(manifest.Digest);
        SignatureBuilder.AddCosign(files, manifest, payload, Convert.ToBase64String(other.SignCosign(payload)));
        SignatureBuilder.AddCosign(files, manifest, payload, Convert.ToBase64String(signer.SignCosign(payload)), referrer: true);
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, keys: [signer.PublicKeyPem]);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Scan_PayloadForAnotherImage_ReportsDigestMismatchNamingBothDigests()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("P-256");
        var (files, manifest) = Layout();
        var elsewhere = "sha256:" + new string('a', 64);
        var payload = SignatureBuilder.SimpleSigningPayload(elsewhere);
        SignatureBuilder.AddCosign(files, manifest, payload, Convert.ToBase64String(signer.SignCosign(payload)));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, keys: [signer.PublicKeyPem]);

        Assert.Equal([("SHP-CTR-063", Location(manifest))], Findings(report));
        Assert.Contains($"its payload signs {elsewhere}, not {manifest.Digest}", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_TamperedPayloadWithCertificate_ReportsInvalid()
    {
        using var tree = new TempTree();
        using var chain = SignatureBuilder.CertificateChain("cosign");
        var (files, manifest) = Layout();
        var payload = SignatureBuilder.SimpleSigningPayload(manifest.Digest);
        var signature = chain.SignCosign(payload);

        // The payload is rewritten after signing (another docker-reference) and stored under its new digest, as a tamperer would.
        var tampered = SignatureBuilder.SimpleSigningPayload(manifest.Digest, "docker.io/attacker/app");
        SignatureBuilder.AddCosign(files, manifest, tampered, signature, certificatePem: SignatureBuilder.Pem(chain.Leaf));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, roots: [chain.CaPem]);

        Assert.Equal([("SHP-CTR-061", Location(manifest))], Findings(report));
        Assert.Contains("does not verify with the key of the certificate it carries (CN=cosign signer, O=Shipshape Tests)", report.Findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(Severity.High, report.Findings[0].Severity);
    }

    [Fact]
    public void Scan_SignatureNotBase64_ReportsInvalid()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("P-256");
        var (files, manifest) = Layout();
        SignatureBuilder.AddCosign(files, manifest, SignatureBuilder.SimpleSigningPayload(manifest.Digest), "not base64!");
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, keys: [signer.PublicKeyPem]);

        Assert.Equal([("SHP-CTR-061", Location(manifest))], Findings(report));
        Assert.Contains("annotation is not base64", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_CosignCertificateChainingToTheTrustRoot_IsVerifiedAndToAnotherRootIsUntrusted()
    {
        using var tree = new TempTree();
        using var chain = SignatureBuilder.CertificateChain("cosign");
        using var other = SignatureBuilder.CertificateChain("other");
        var (files, manifest) = Layout();
        var payload = SignatureBuilder.SimpleSigningPayload(manifest.Digest);
        var signature = chain.SignCosign(payload);
        SignatureBuilder.AddCosign(files, manifest, payload, signature, referrer: true, certificatePem: SignatureBuilder.Pem(chain.Leaf), chainPem: chain.CaPem);
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        Assert.Empty(Scan(tree, roots: [chain.CaPem]).Findings);

        var untrusted = Scan(tree, roots: [other.CaPem]);
        Assert.Equal([("SHP-CTR-062", Location(manifest))], Findings(untrusted));
        Assert.Contains("does not chain to a --trust-root certificate", untrusted.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("(referrer sha256:", untrusted.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_Cosign3SigstoreBundleSignedWithTheGivenKey_IsVerifiedAndWithAnotherKeyUntrusted()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("P-256");
        using var other = TestSigner.Create("P-256");
        var (files, manifest) = Layout();
        var statement = SignatureBuilder.InTotoStatement(manifest.Digest);
        var signature = signer.SignCosign(SignatureBuilder.Pae(SignatureBuilder.InTotoPayloadType, statement));
        var referrer = SignatureBuilder.AddSigstoreBundle(files, manifest, SignatureBuilder.DsseBundle(statement, signature));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var verified = Scan(tree, keys: [signer.PublicKeyPem]);
        var untrusted = Scan(tree, keys: [other.PublicKeyPem]);

        Assert.Empty(verified.Findings);
        Assert.Equal(1, verified.Resources);
        Assert.Equal([("SHP-CTR-062", Location(manifest))], Findings(untrusted));
        Assert.Contains($"(referrer {referrer})", untrusted.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_SigstoreBundleWithCertificate_VerifiedAgainstTheTrustRootOnly()
    {
        using var tree = new TempTree();
        using var chain = SignatureBuilder.CertificateChain("fulcio");
        using var other = SignatureBuilder.CertificateChain("other");
        var (files, manifest) = Layout();
        var statement = SignatureBuilder.InTotoStatement(manifest.Digest);
        var signature = chain.Sign(SignatureBuilder.Pae(SignatureBuilder.InTotoPayloadType, statement));
        SignatureBuilder.AddSigstoreBundle(files, manifest, SignatureBuilder.DsseBundle(statement, signature, chain.Leaf));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        Assert.Empty(Scan(tree, roots: [chain.CaPem]).Findings);
        var untrusted = Scan(tree, roots: [other.CaPem]);
        Assert.Equal([("SHP-CTR-062", Location(manifest))], Findings(untrusted));
        Assert.Contains("its certificate CN=fulcio signer, O=Shipshape Tests does not chain to a --trust-root certificate", untrusted.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_SigstoreBundleStatementChangedAfterSigning_ReportsInvalid()
    {
        using var tree = new TempTree();
        using var chain = SignatureBuilder.CertificateChain("fulcio");
        var (files, manifest) = Layout();
        var signature = chain.Sign(SignatureBuilder.Pae(SignatureBuilder.InTotoPayloadType, SignatureBuilder.InTotoStatement("sha256:" + new string('b', 64))));
        // The statement is rewritten to name this image after signing: the signature no longer covers it.
        SignatureBuilder.AddSigstoreBundle(files, manifest, SignatureBuilder.DsseBundle(SignatureBuilder.InTotoStatement(manifest.Digest), signature, chain.Leaf));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, roots: [chain.CaPem]);

        Assert.Equal([("SHP-CTR-061", Location(manifest))], Findings(report));
        Assert.Contains("does not verify with the key of the certificate it carries (CN=fulcio signer, O=Shipshape Tests)", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_SigstoreBundleSigningAnotherDigest_ReportsDigestMismatch()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("Ed25519");
        var (files, manifest) = Layout();
        var elsewhere = "sha256:" + new string('c', 64);
        var statement = SignatureBuilder.InTotoStatement(elsewhere);
        SignatureBuilder.AddSigstoreBundle(files, manifest, SignatureBuilder.DsseBundle(statement, signer.SignCosign(SignatureBuilder.Pae(SignatureBuilder.InTotoPayloadType, statement))));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, keys: [signer.PublicKeyPem]);

        Assert.Equal([("SHP-CTR-063", Location(manifest))], Findings(report));
        Assert.Contains($"its statement signs {elsewhere}, not {manifest.Digest}", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_OnlyAProvenanceAttestationBundle_ReportsNotSigned()
    {
        // An attestation (here SLSA provenance) is signed, but it is not a signature of the image: cosign verify rejects it too.
        using var tree = new TempTree();
        using var signer = TestSigner.Create("P-256");
        var (files, manifest) = Layout();
        var statement = SignatureBuilder.InTotoStatement(manifest.Digest, "https://slsa.dev/provenance/v1");
        SignatureBuilder.AddSigstoreBundle(files, manifest, SignatureBuilder.DsseBundle(statement, signer.SignCosign(SignatureBuilder.Pae(SignatureBuilder.InTotoPayloadType, statement))));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, keys: [signer.PublicKeyPem]);

        Assert.Equal([("SHP-CTR-060", Location(manifest))], Findings(report));
        Assert.Equal(1, report.Resources);
    }

    [Fact]
    public void Scan_SigstoreMessageSignatureOverTheManifest_IsVerified()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("RSA");
        using var other = TestSigner.Create("RSA");
        var (files, manifest) = Layout();
        var manifestBytes = files["blobs/sha256/" + Hex(manifest.Digest)];
        SignatureBuilder.AddSigstoreBundle(files, manifest, SignatureBuilder.MessageBundle(manifest.Digest, signer.SignCosign(manifestBytes)));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        Assert.Empty(Scan(tree, keys: [signer.PublicKeyPem]).Findings);
        Assert.Equal([("SHP-CTR-062", Location(manifest))], Findings(Scan(tree, keys: [other.PublicKeyPem])));
    }

    [Fact]
    public void Scan_SigstoreBundleRepeatedOrWithManySignatures_VerifiedWithinTheLimits()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("P-256");
        var (files, manifest) = Layout();
        var statement = SignatureBuilder.InTotoStatement(manifest.Digest);
        var signature = signer.SignCosign(SignatureBuilder.Pae(SignatureBuilder.InTotoPayloadType, statement));
        // The same bundle named 40 times by one manifest is one bundle; an envelope of 17 signatures is more than are checked.
        SignatureBuilder.AddSigstoreBundle(files, manifest, SignatureBuilder.DsseBundle(statement, signature), times: 40);
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));
        Assert.Empty(Scan(tree, keys: [signer.PublicKeyPem]).Findings);

        var (many, subject) = Layout();
        SignatureBuilder.AddSigstoreBundle(many, subject, SignatureBuilder.DsseBundle(statement, signature, copies: 17));
        ImageBuilder.WriteDirectory(many, tree.PathOf("many"));
        var report = Scan(tree, keys: [signer.PublicKeyPem], name: "many");

        Assert.Contains(report.Findings, f => f.RuleId == "SHP-CTR-061" && f.Message.Contains("holds 17 signatures, more than the 16 that are verified", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_CosignReferrer_IsFoundAndIsNotReadAsAnImage()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("P-384");
        var (files, manifest) = Layout();
        var payload = SignatureBuilder.SimpleSigningPayload(manifest.Digest);
        var referrer = SignatureBuilder.AddCosign(files, manifest, payload, Convert.ToBase64String(signer.SignCosign(payload)), referrer: true);
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));
        using var wrong = TestSigner.Create("P-384");

        var report = Scan(tree, keys: [signer.PublicKeyPem]);
        var untrusted = Scan(tree, keys: [wrong.PublicKeyPem]);

        Assert.Empty(report.Findings);
        Assert.Equal(1, report.Resources);
        Assert.Empty(report.Diagnostics);
        Assert.Equal([("SHP-CTR-062", Location(manifest))], Findings(untrusted));
        Assert.Contains($"(referrer {referrer})", untrusted.Findings[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scan_NotationSignatureChainingToTheTrustStoreCertificate_ReportsNothing(bool rsa)
    {
        using var tree = new TempTree();
        using var chain = SignatureBuilder.CertificateChain("notation", rsa);
        var (files, manifest) = Layout();
        SignatureBuilder.AddNotation(files, manifest, chain.Leaf, [chain.Leaf, chain.Ca]);
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, notation: [chain.CaPem]);

        Assert.Empty(report.Findings);
        Assert.Equal(1, report.Resources);
    }

    [Fact]
    public void Scan_NotationSignatureWithAnotherTrustStoreCertificate_ReportsUntrusted()
    {
        using var tree = new TempTree();
        using var chain = SignatureBuilder.CertificateChain("notation");
        using var other = SignatureBuilder.CertificateChain("other");
        var (files, manifest) = Layout();
        var referrer = SignatureBuilder.AddNotation(files, manifest, chain.Leaf, [chain.Leaf, chain.Ca]);
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, notation: [other.CaPem]);

        Assert.Equal([("SHP-CTR-062", Location(manifest))], Findings(report));
        Assert.Contains($"the notation signature (referrer {referrer}): its signing certificate CN=notation signer, O=Shipshape Tests does not chain to a --notation-cert certificate",
            report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_NotationPayloadChangedAfterSigning_ReportsInvalid()
    {
        using var tree = new TempTree();
        using var chain = SignatureBuilder.CertificateChain("notation");
        var (files, manifest) = Layout();
        SignatureBuilder.AddNotation(files, manifest, chain.Leaf, [chain.Leaf, chain.Ca],
            tamper: p => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(p).Replace("\"size\":", "\"size\":1", StringComparison.Ordinal)));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, notation: [chain.CaPem]);

        Assert.Equal([("SHP-CTR-061", Location(manifest))], Findings(report));
        Assert.Contains("the ES256 signature does not verify with the key of its signing certificate", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_NotationSignatureOfAnotherDigest_ReportsDigestMismatch()
    {
        using var tree = new TempTree();
        using var chain = SignatureBuilder.CertificateChain("notation");
        var (files, manifest) = Layout();
        var elsewhere = "sha256:" + new string('b', 64);
        SignatureBuilder.AddNotation(files, manifest, chain.Leaf, [chain.Leaf, chain.Ca], signedDigest: elsewhere);
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree, notation: [chain.CaPem]);

        Assert.Equal([("SHP-CTR-063", Location(manifest))], Findings(report));
        Assert.Contains($"its payload signs {elsewhere}, not {manifest.Digest}", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_SignedButNoKeyGiven_ReportsNoFindingAndSaysItWasNotVerified()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("Ed25519");
        var (files, manifest) = Layout();
        var payload = SignatureBuilder.SimpleSigningPayload(manifest.Digest);
        SignatureBuilder.AddCosign(files, manifest, payload, Convert.ToBase64String(signer.SignCosign(payload)));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var report = Scan(tree);

        Assert.Empty(report.Findings);
        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal(Location(manifest), diagnostic.Location.Path);
        Assert.StartsWith("1 image signatures found but not verified", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PrivateKeyOrGarbage_ThrowsNamingTheOptionAndFile()
    {
        using var tree = new TempTree();
        using var ecdsa = ECDsa.Create();
        var privateKey = tree.Write("cosign.key", ecdsa.ExportPkcs8PrivateKeyPem());
        var garbage = tree.Write("notes.txt", "hello\n");

        var ex1 = Assert.Throws<SignatureTrustException>(() => SignatureTrust.Load([privateKey], [], []));
        var ex2 = Assert.Throws<SignatureTrustException>(() => SignatureTrust.Load([], [garbage], []));
        var ex3 = Assert.Throws<SignatureTrustException>(() => SignatureTrust.Load([], [], [tree.PathOf("missing.pem")]));

        Assert.StartsWith($"--key {privateKey}: is a private key", ex1.Message, StringComparison.Ordinal);
        Assert.Equal($"--trust-root {garbage}: holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)", ex2.Message);
        Assert.StartsWith($"--notation-cert {tree.PathOf("missing.pem")}: cannot be read", ex3.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_CosignSaveLayoutKindAnnotations_TieTheSignaturesToTheSavedImage()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("P-256");
        var (files, manifest) = Layout();
        var payload = SignatureBuilder.SimpleSigningPayload(manifest.Digest);
        var signatures = SignatureBuilder.AddCosign(files, manifest, payload, Convert.ToBase64String(signer.SignCosign(payload)));

        // cosign save names the image and its signatures by a "kind" annotation, not by a tag.
        var index = Encoding.UTF8.GetString(files["index.json"])
            .Replace($"\"org.opencontainers.image.ref.name\":\"sha256-{Hex(manifest.Digest)}.sig\"", "\"kind\":\"dev.cosignproject.cosign/sigs\"", StringComparison.Ordinal)
            .Replace("\"io.containerd.image.name\":", "\"kind\":\"dev.cosignproject.cosign/image\",\"io.containerd.image.name\":", StringComparison.Ordinal);
        files["index.json"] = Encoding.UTF8.GetBytes(index);
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));
        using var wrong = TestSigner.Create("P-256");

        Assert.Empty(Scan(tree, keys: [signer.PublicKeyPem]).Findings);
        var untrusted = Scan(tree, keys: [wrong.PublicKeyPem]);
        Assert.Equal([("SHP-CTR-062", Location(manifest))], Findings(untrusted));
        Assert.Contains($"(cosign save signatures {signatures})", untrusted.Findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, untrusted.Resources);
    }
}
