using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Shipshape.Tests.Images;

/// <summary>A signing key of a test: ECDSA, RSA or Ed25519, with its public key as PEM (SubjectPublicKeyInfo).</summary>
internal sealed class TestSigner : IDisposable
{
    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;
    private readonly byte[]? _ed25519;

    private TestSigner(ECDsa? ecdsa, RSA? rsa, byte[]? ed25519)
    {
        _ecdsa = ecdsa;
        _rsa = rsa;
        _ed25519 = ed25519;
    }

    public static TestSigner Create(string kind) => kind switch
    {
        "P-256" => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), null, null),
        "P-384" => new(ECDsa.Create(ECCurve.NamedCurves.nistP384), null, null),
        "RSA" => new(null, RSA.Create(2048), null),
        "Ed25519" => new(null, null, Ed25519Seed()),
        _ => throw new ArgumentException(kind, nameof(kind)),
    };

    public string PublicKeyPem
    {
        get
        {
            if (_ed25519 is not null)
            {
                // SubjectPublicKeyInfo of RFC 8410: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING key }.
                var publicKey = new byte[Ed25519.PublicKeySize];
                Ed25519.GeneratePublicKey(_ed25519, 0, publicKey, 0);
                return PemEncoding.WriteString("PUBLIC KEY", [.. Convert.FromHexString("302a300506032b6570032100"), .. publicKey]);
            }

            return _ecdsa?.ExportSubjectPublicKeyInfoPem() ?? _rsa!.ExportSubjectPublicKeyInfoPem();
        }
    }

    /// <summary>As cosign signs: ECDSA over SHA-256 (DER), RSA PKCS#1 v1.5 over SHA-256, Ed25519 over the payload.</summary>
    public byte[] SignCosign(byte[] payload)
    {
        if (_ed25519 is not null)
        {
            var signature = new byte[Ed25519.SignatureSize];
            Ed25519.Sign(_ed25519, 0, payload, 0, payload.Length, signature, 0);
            return signature;
        }

        return _ecdsa?.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            ?? _rsa!.SignData(payload, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose()
    {
        _ecdsa?.Dispose();
        _rsa?.Dispose();
    }

    private static byte[] Ed25519Seed()
    {
        var seed = new byte[Ed25519.SecretKeySize];
        RandomNumberGenerator.Fill(seed);
        return seed;
    }
}

/// <summary>A test CA and the signing certificate (with its private key) it issued.</summary>
internal sealed record TestChain(X509Certificate2 Ca, X509Certificate2 Leaf) : IDisposable
{
    public string CaPem => SignatureBuilder.Pem(Ca);

    /// <summary>As cosign signs with a certificate's key: ECDSA over SHA-256, DER, base64.</summary>
    public string SignCosign(byte[] payload) => Convert.ToBase64String(Sign(payload));

    public byte[] Sign(byte[] payload)
    {
        using var key = Leaf.GetECDsaPrivateKey()!;
        return key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Leaf.Dispose();
    }
}

/// <summary>
/// Signs images built by <see cref="ImageBuilder"/> as the formats' specifications say, with no cosign or notation
/// binary: cosign simple-signing payloads under the "sha256-&lt;hex&gt;.sig" tag or as OCI 1.1 referrers, and Notation
/// JWS envelopes as referrers. Every blob is added under its real digest and index.json is rewritten.
/// </summary>
internal static class SignatureBuilder
{
    public const string SignatureAnnotation = "dev.cosignproject.cosign/signature";

    /// <summary>The digest ("sha256:…") and size of the first manifest index.json names.</summary>
    public static (string Digest, int Size) ImageManifest(SortedDictionary<string, byte[]> files)
    {
        var first = JsonNode.Parse(files["index.json"])!["manifests"]![0]!;
        return (first["digest"]!.GetValue<string>(), first["size"]!.GetValue<int>());
    }

    /// <summary>cosign's simple-signing payload for a manifest digest.</summary>
    public static byte[] SimpleSigningPayload(string digest, string reference = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app") => Encoding.UTF8.GetBytes(
        $"{{\"critical\":{{\"identity\":{{\"docker-reference\":\"{reference}\"}},\"image\":{{\"docker-manifest-digest\":\"{digest}\"}},\"type\":\"cosign container image signature\"}},\"optional\":null}}");

    /// <summary>
    /// A cosign signature manifest for <paramref name="subject"/>: one simple-signing layer (the payload) with the
    /// signature annotation and, when given, the certificate and chain annotations. As a referrer it has artifactType and
    /// subject and no tag; otherwise index.json tags it "sha256-&lt;hex&gt;.sig". Returns the signature manifest's digest.
    /// </summary>
    public static string AddCosign(SortedDictionary<string, byte[]> files, (string Digest, int Size) subject, byte[] payload, string signatureBase64,
        bool referrer = false, string? certificatePem = null, string? chainPem = null)
    {
        var payloadDigest = Add(files, payload);
        var config = Encoding.UTF8.GetBytes("{\"architecture\":\"\",\"config\":{},\"created\":\"0001-01-01T00:00:00Z\",\"history\":[{\"created\":\"0001-01-01T00:00:00Z\"}],\"os\":\"\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + payloadDigest + "\"]}}");
        var configDigest = Add(files, config);
        var annotations = new JsonObject { [SignatureAnnotation] = signatureBase64 };
        if (certificatePem is not null)
        {
            annotations["dev.sigstore.cosign/certificate"] = certificatePem;
            annotations["dev.sigstore.cosign/chain"] = chainPem ?? string.Empty;
        }

        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
        };
        if (referrer)
        {
            manifest["artifactType"] = "application/vnd.dev.cosign.artifact.sig.v1+json";
        }

        manifest["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = "sha256:" + configDigest, ["size"] = config.Length };
        manifest["layers"] = new JsonArray(new JsonObject
        {
            ["mediaType"] = "application/vnd.dev.cosign.simplesigning.v1+json",
            ["digest"] = "sha256:" + payloadDigest,
            ["size"] = payload.Length,
            ["annotations"] = annotations,
        });
        if (referrer)
        {
            manifest["subject"] = Descriptor(subject);
        }

        return AddToIndex(files, manifest, referrer ? null : $"sha256-{subject.Digest["sha256:".Length..]}.sig");
    }

    /// <summary>A Notation signature of <paramref name="subject"/> as an OCI 1.1 referrer: a JWS (JSON serialization) signed with the leaf's key, x5c = the chain.</summary>
    public static string AddNotation(SortedDictionary<string, byte[]> files, (string Digest, int Size) subject, X509Certificate2 leaf, IReadOnlyList<X509Certificate2> chain,
        string? signedDigest = null, Func<byte[], byte[]>? tamper = null)
    {
        var protectedHeader = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["alg"] = leaf.GetRSAPublicKey() is not null ? "PS256" : "ES256",
            ["crit"] = new JsonArray("io.cncf.notary.signingScheme"),
            ["cty"] = "application/vnd.cncf.notary.payload.v1+json",
            ["io.cncf.notary.signingScheme"] = "notary.x509",
            ["io.cncf.notary.signingTime"] = "2026-11-20T10:00:00Z",
        }.ToJsonString());
        var payload = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["targetArtifact"] = new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                ["digest"] = signedDigest ?? subject.Digest,
                ["size"] = subject.Size,
            },
        }.ToJsonString());
        var protectedText = Base64Url(protectedHeader);
        var payloadText = Base64Url(payload);
        var input = Encoding.ASCII.GetBytes(protectedText + "." + payloadText);
        byte[] signature;
        using (var rsa = leaf.GetRSAPrivateKey())
        using (var ecdsa = leaf.GetECDsaPrivateKey())
        {
            signature = rsa?.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)
                ?? ecdsa!.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        var envelope = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["payload"] = Base64Url(tamper is null ? payload : tamper(payload)),
            ["protected"] = protectedText,
            ["header"] = new JsonObject
            {
                ["x5c"] = new JsonArray([.. chain.Select(c => (JsonNode)Convert.ToBase64String(c.RawData))]),
                ["io.cncf.notary.signingAgent"] = "shipshape-tests/1.0",
            },
            ["signature"] = Base64Url(signature),
        }.ToJsonString());
        var envelopeDigest = Add(files, envelope);
        var empty = "{}"u8.ToArray();
        var emptyDigest = Add(files, empty);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["artifactType"] = "application/vnd.cncf.notary.signature",
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.empty.v1+json", ["digest"] = "sha256:" + emptyDigest, ["size"] = empty.Length },
            ["layers"] = new JsonArray(new JsonObject { ["mediaType"] = "application/jose+json", ["digest"] = "sha256:" + envelopeDigest, ["size"] = envelope.Length }),
            ["subject"] = Descriptor(subject),
            ["annotations"] = new JsonObject { ["io.cncf.notary.x509chain.thumbprint#S256"] = "[]" },
        };
        return AddToIndex(files, manifest, null);
    }

    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary>An in-toto statement v1 about <paramref name="digest"/> with cosign 3's image-signature predicate type (or another).</summary>
    public static byte[] InTotoStatement(string digest, string predicateType = "https://sigstore.dev/cosign/sign/v1") => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["_type"] = "https://in-toto.io/Statement/v1",
        ["subject"] = new JsonArray(new JsonObject
        {
            ["name"] = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app",
            ["digest"] = new JsonObject { ["sha256"] = digest["sha256:".Length..] },
        }),
        ["predicateType"] = predicateType,
        ["predicate"] = new JsonObject(),
    }.ToJsonString());

    /// <summary>DSSE's pre-authentication encoding, written from the DSSE protocol specification.</summary>
    public static byte[] Pae(string payloadType, byte[] payload) =>
        [.. Encoding.UTF8.GetBytes($"DSSEv1 {Encoding.UTF8.GetByteCount(payloadType)} {payloadType} {payload.Length} "), .. payload];

    /// <summary>A Sigstore bundle v0.3 holding a DSSE envelope, with a certificate or a public-key hint as verification material.</summary>
    public static byte[] DsseBundle(byte[] payload, byte[] signature, X509Certificate2? certificate = null, int copies = 1) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["mediaType"] = "application/vnd.dev.sigstore.bundle.v0.3+json",
        ["verificationMaterial"] = Material(certificate),
        ["dsseEnvelope"] = new JsonObject
        {
            ["payload"] = Convert.ToBase64String(payload),
            ["payloadType"] = InTotoPayloadType,
            ["signatures"] = new JsonArray([.. Enumerable.Range(0, copies).Select(_ => (JsonNode)new JsonObject { ["sig"] = Convert.ToBase64String(signature) })]),
        },
    }.ToJsonString());

    /// <summary>A Sigstore bundle v0.3 holding a message signature over a blob whose SHA-256 is <paramref name="digest"/>.</summary>
    public static byte[] MessageBundle(string digest, byte[] signature) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["mediaType"] = "application/vnd.dev.sigstore.bundle.v0.3+json",
        ["verificationMaterial"] = Material(null),
        ["messageSignature"] = new JsonObject
        {
            ["messageDigest"] = new JsonObject { ["algorithm"] = "SHA2_256", ["digest"] = Convert.ToBase64String(Convert.FromHexString(digest["sha256:".Length..])) },
            ["signature"] = Convert.ToBase64String(signature),
        },
    }.ToJsonString());

    private static JsonObject Material(X509Certificate2? certificate) => certificate is null
        ? new JsonObject { ["publicKey"] = new JsonObject { ["hint"] = "test-key" } }
        : new JsonObject { ["certificate"] = new JsonObject { ["rawBytes"] = Convert.ToBase64String(certificate.RawData) }, ["tlogEntries"] = new JsonArray() };

    /// <summary>A Sigstore bundle attached as cosign's bundle specification says: an OCI 1.1 referrer with the bundle as its one layer.</summary>
    public static string AddSigstoreBundle(SortedDictionary<string, byte[]> files, (string Digest, int Size) subject, byte[] bundle, int times = 1)
    {
        const string bundleType = "application/vnd.dev.sigstore.bundle.v0.3+json";
        var bundleDigest = Add(files, bundle);
        var empty = "{}"u8.ToArray();
        var emptyDigest = Add(files, empty);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["artifactType"] = bundleType,
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.empty.v1+json", ["digest"] = "sha256:" + emptyDigest, ["size"] = empty.Length },
            ["layers"] = new JsonArray([.. Enumerable.Range(0, times).Select(_ => (JsonNode)new JsonObject
            {
                ["mediaType"] = bundleType,
                ["digest"] = "sha256:" + bundleDigest,
                ["size"] = bundle.Length,
                ["annotations"] = new JsonObject { ["org.opencontainers.image.title"] = $"sha256-{bundleDigest}.sigstore.json" },
            })]),
            ["subject"] = Descriptor(subject),
            ["annotations"] = new JsonObject { ["dev.sigstore.bundle.content"] = "dsse-envelope" },
        };
        return AddToIndex(files, manifest, null);
    }

    /// <summary>A self-signed CA and a code-signing leaf it issued, valid around now.</summary>
    public static TestChain CertificateChain(string name, bool rsa = false)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={name} CA, O=Shipshape Tests", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        CertificateRequest leafRequest;
        AsymmetricAlgorithm leafKey = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using (leafKey)
        {
            leafRequest = leafKey is RSA r
                ? new CertificateRequest($"CN={name} signer, O=Shipshape Tests", r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                : new CertificateRequest($"CN={name} signer, O=Shipshape Tests", (ECDsa)leafKey, HashAlgorithmName.SHA256);
            leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.3")], false));
            using var issued = leafRequest.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddHours(-1), now.AddDays(7), [1, 2, 3, 4, 5, 6, 7, 8]);
            var leaf = leafKey is RSA rk ? issued.CopyWithPrivateKey(rk) : issued.CopyWithPrivateKey((ECDsa)leafKey);
            return new TestChain(ca, leaf);
        }
    }

    public static string Pem(X509Certificate2 certificate) => PemEncoding.WriteString("CERTIFICATE", certificate.RawData);

    public static string Add(SortedDictionary<string, byte[]> files, byte[] blob)
    {
        var digest = ImageBuilder.Sha256(blob);
        files["blobs/sha256/" + digest] = blob;
        return digest;
    }

    private static JsonObject Descriptor((string Digest, int Size) subject) => new()
    {
        ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
        ["digest"] = subject.Digest,
        ["size"] = subject.Size,
    };

    private static string AddToIndex(SortedDictionary<string, byte[]> files, JsonObject manifest, string? tag)
    {
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        var digest = "sha256:" + Add(files, bytes);
        var index = JsonNode.Parse(files["index.json"])!.AsObject();
        var descriptor = new JsonObject
        {
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["digest"] = digest,
            ["size"] = bytes.Length,
        };
        if (manifest["artifactType"] is { } artifactType)
        {
            descriptor["artifactType"] = artifactType.GetValue<string>();
        }

        if (tag is not null)
        {
            descriptor["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = tag };
        }

        index["manifests"]!.AsArray().Add((JsonNode)descriptor);
        files["index.json"] = Encoding.UTF8.GetBytes(index.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        return digest;
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
