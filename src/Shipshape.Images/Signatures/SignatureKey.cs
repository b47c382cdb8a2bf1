using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Shipshape.Images.Signatures;

/// <summary>
/// A public key signatures are checked against: ECDSA (P-256, P-384, P-521), RSA or Ed25519, from a PEM SubjectPublicKeyInfo
/// or a certificate. Ed25519 is not in .NET's cryptography, so its verification is BouncyCastle's RFC 8032 code.
/// </summary>
public sealed class SignatureKey : IDisposable
{
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string Ed25519Oid = "1.3.101.112";

    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;
    private readonly byte[]? _ed25519;

    private SignatureKey(string name, string algorithm, ECDsa? ecdsa, RSA? rsa, byte[]? ed25519)
    {
        Name = name;
        Algorithm = algorithm;
        _ecdsa = ecdsa;
        _rsa = rsa;
        _ed25519 = ed25519;
    }

    /// <summary>Where the key came from (the file given with --key, or "the certificate of …").</summary>
    public string Name { get; }

    /// <summary>"ECDSA P-256", "RSA 3072", "Ed25519".</summary>
    public string Algorithm { get; }

    /// <summary>The key of a SubjectPublicKeyInfo (DER), or null with the reason when it is not one of the supported kinds.</summary>
    public static SignatureKey? FromSubjectPublicKeyInfo(string name, byte[] der, out string? problem)
    {
        problem = null;
        string oid;
        byte[] keyBits;
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            var spki = reader.ReadSequence();
            var algorithm = spki.ReadSequence();
            oid = algorithm.ReadObjectIdentifier();
            keyBits = spki.ReadBitString(out _);
        }
        catch (AsnContentException)
        {
            problem = "is not a DER SubjectPublicKeyInfo";
            return null;
        }

        try
        {
            switch (oid)
            {
                case EcPublicKeyOid:
                    var ecdsa = ECDsa.Create();
                    ecdsa.ImportSubjectPublicKeyInfo(der, out _);
                    if (ecdsa.KeySize is not (256 or 384 or 521))
                    {
                        problem = $"is an ECDSA key on a {ecdsa.KeySize}-bit curve (supported: P-256, P-384, P-521)";
                        ecdsa.Dispose();
                        return null;
                    }

                    return new SignatureKey(name, $"ECDSA P-{ecdsa.KeySize}", ecdsa, null, null);
                case RsaOid:
                    var rsa = RSA.Create();
                    rsa.ImportSubjectPublicKeyInfo(der, out _);
                    if (rsa.KeySize < 2048)
                    {
                        problem = $"is an RSA key of {rsa.KeySize} bits (at least 2048 are needed)";
                        rsa.Dispose();
                        return null;
                    }

                    return new SignatureKey(name, $"RSA {rsa.KeySize}", null, rsa, null);
                case Ed25519Oid when keyBits.Length == Ed25519.PublicKeySize:
                    return new SignatureKey(name, "Ed25519", null, null, keyBits);
                default:
                    problem = $"is a key of algorithm {oid} (supported: ECDSA P-256/P-384/P-521, RSA, Ed25519)";
                    return null;
            }
        }
        catch (CryptographicException ex)
        {
            problem = $"is not a usable public key ({ex.Message})";
            return null;
        }
    }

    /// <summary>
    /// A cosign signature: ECDSA (ASN.1 DER) over the payload's SHA-256 (or the curve's own hash), RSA PKCS#1 v1.5 or
    /// PSS with SHA-256, Ed25519 over the payload itself.
    /// </summary>
    public bool VerifyCosign(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        if (_ecdsa is not null)
        {
            return VerifyEcdsa(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                || (_ecdsa.KeySize != 256 && VerifyEcdsa(payload, signature, CurveHash(_ecdsa.KeySize), DSASignatureFormat.Rfc3279DerSequence));
        }

        if (_rsa is not null)
        {
            return VerifyRsa(payload, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                || VerifyRsa(payload, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        }

        return VerifyEd25519(payload, signature);
    }

    /// <summary>A JWS signature (RFC 7518): ES256/384/512 as raw r||s, PS256/384/512 RSASSA-PSS; other algorithms fail.</summary>
    public bool VerifyJws(string alg, ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature) => alg switch
    {
        "ES256" => _ecdsa?.KeySize == 256 && VerifyEcdsa(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        "ES384" => _ecdsa?.KeySize == 384 && VerifyEcdsa(signingInput, signature, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        "ES512" => _ecdsa?.KeySize == 521 && VerifyEcdsa(signingInput, signature, HashAlgorithmName.SHA512, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        "PS256" => _rsa is not null && VerifyRsa(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        "PS384" => _rsa is not null && VerifyRsa(signingInput, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pss),
        "PS512" => _rsa is not null && VerifyRsa(signingInput, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pss),
        _ => false,
    };

    public void Dispose()
    {
        _ecdsa?.Dispose();
        _rsa?.Dispose();
    }

    private static HashAlgorithmName CurveHash(int keySize) => keySize == 384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA512;

    private bool VerifyEcdsa(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, HashAlgorithmName hash, DSASignatureFormat format)
    {
        try
        {
            return _ecdsa!.VerifyData(data, signature, hash, format);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private bool VerifyRsa(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, HashAlgorithmName hash, RSASignaturePadding padding)
    {
        try
        {
            return _rsa!.VerifyData(data, signature, hash, padding);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private bool VerifyEd25519(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature) =>
        _ed25519 is not null && signature.Length == Ed25519.SignatureSize
        && Ed25519.Verify(signature.ToArray(), 0, _ed25519, 0, payload.ToArray(), 0, payload.Length);
}
