using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shipshape.Images.Signatures;

/// <summary>
/// What image signatures are verified against, loaded once before the scan: cosign public keys (--key), CA certificates
/// for cosign certificates and their chains (--trust-root), and Notation trust-store certificates (--notation-cert).
/// Verification is offline: no transparency log, no revocation lookups.
/// </summary>
public sealed class SignatureTrust : IDisposable
{
    /// <summary>Nothing to verify against: signatures are checked for form and digest only.</summary>
    public static readonly SignatureTrust None = new([], [], []);

    private SignatureTrust(ImmutableArray<SignatureKey> keys, ImmutableArray<X509Certificate2> roots, ImmutableArray<X509Certificate2> notationCerts)
    {
        Keys = keys;
        Roots = roots;
        NotationCertificates = notationCerts;
    }

    public ImmutableArray<SignatureKey> Keys { get; }

    public ImmutableArray<X509Certificate2> Roots { get; }

    public ImmutableArray<X509Certificate2> NotationCertificates { get; }

    /// <summary>Whether anything was given: without it, no signature can be trusted and none is called untrusted.</summary>
    public bool IsEmpty => Keys.IsEmpty && Roots.IsEmpty && NotationCertificates.IsEmpty;

    /// <summary>Reads the files; a file that cannot be read or holds no key or certificate throws <see cref="SignatureTrustException"/> naming the option and file.</summary>
    public static SignatureTrust Load(IEnumerable<string> keyFiles, IEnumerable<string> rootFiles, IEnumerable<string> notationFiles)
    {
        ArgumentNullException.ThrowIfNull(keyFiles);
        ArgumentNullException.ThrowIfNull(rootFiles);
        ArgumentNullException.ThrowIfNull(notationFiles);
        var keys = keyFiles.SelectMany(LoadKeys).ToImmutableArray();
        var roots = rootFiles.SelectMany(f => LoadCertificates("--trust-root", f)).ToImmutableArray();
        var notation = notationFiles.SelectMany(f => LoadCertificates("--notation-cert", f)).ToImmutableArray();
        return keys.IsEmpty && roots.IsEmpty && notation.IsEmpty ? None : new SignatureTrust(keys, roots, notation);
    }

    /// <summary>
    /// Whether <paramref name="leaf"/> chains to one of <paramref name="anchors"/> now, through <paramref name="intermediates"/>:
    /// only the given anchors are trusted (not the system store), no revocation lookups. The problem says why not.
    /// </summary>
    public static bool Chains(X509Certificate2 leaf, IEnumerable<X509Certificate2> intermediates, ImmutableArray<X509Certificate2> anchors, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(intermediates);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        if (chain.Build(leaf))
        {
            problem = null;
            return true;
        }

        problem = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal));
        if (problem.Length == 0)
        {
            problem = "it does not chain to a given certificate";
        }

        return false;
    }

    public void Dispose()
    {
        foreach (var key in Keys)
        {
            key.Dispose();
        }

        foreach (var certificate in Roots.Concat(NotationCertificates))
        {
            certificate.Dispose();
        }
    }

    private static string ReadText(string option, string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SignatureTrustException($"{option} {file}: cannot be read ({ex.Message})", ex);
        }
    }

    private static List<SignatureKey> LoadKeys(string file)
    {
        var text = ReadText("--key", file);
        var keys = new List<SignatureKey>();
        foreach (var (label, der) in PemBlocks(text))
        {
            switch (label)
            {
                case "PUBLIC KEY":
                    keys.Add(SignatureKey.FromSubjectPublicKeyInfo(file, der, out var problem) ?? throw new SignatureTrustException($"--key {file}: {problem}"));
                    break;
                case "CERTIFICATE":
                    using (var certificate = X509CertificateLoader.LoadCertificate(der))
                    {
                        keys.Add(SignatureKey.FromSubjectPublicKeyInfo(file, certificate.PublicKey.ExportSubjectPublicKeyInfo(), out var certProblem)
                            ?? throw new SignatureTrustException($"--key {file}: the certificate's key {certProblem}"));
                    }

                    break;
                case var l when l.Contains("PRIVATE KEY", StringComparison.Ordinal):
                    throw new SignatureTrustException($"--key {file}: is a private key; give the public key (cosign public-key --key {file} > cosign.pub)");
            }
        }

        return keys.Count > 0 ? keys : throw new SignatureTrustException($"--key {file}: holds no PEM public key (expected -----BEGIN PUBLIC KEY-----)");
    }

    private static List<X509Certificate2> LoadCertificates(string option, string file)
    {
        var text = ReadText(option, file);
        var result = new List<X509Certificate2>();
        foreach (var (label, der) in PemBlocks(text).Where(b => b.Label == "CERTIFICATE"))
        {
            try
            {
                result.Add(X509CertificateLoader.LoadCertificate(der));
            }
            catch (CryptographicException ex)
            {
                throw new SignatureTrustException($"{option} {file}: a {label} block is not an X.509 certificate ({ex.Message})", ex);
            }
        }

        return result.Count > 0 ? result : throw new SignatureTrustException($"{option} {file}: holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
    }

    /// <summary>The PEM blocks of a text (RFC 7468), each label and DER bytes.</summary>
    internal static IEnumerable<(string Label, byte[] Der)> PemBlocks(string text)
    {
        var rest = text.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            var block = rest[fields.Location];
            var label = block[fields.Label].ToString();
            var der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(block[fields.Base64Data].Span, der, out _))
            {
                yield break;
            }

            yield return (label, der);
            rest = rest[fields.Location.End..];
        }
    }
}
