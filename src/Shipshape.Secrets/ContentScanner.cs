using System.Text;
using Shipshape.Secrets.Cards;
using Shipshape.Secrets.Detection;

namespace Shipshape.Secrets;

/// <summary>Runs the secret engine and the card-number detector over one file's content. Immutable and thread-safe.</summary>
public sealed class ContentScanner
{
    public ContentScanner(SecretEngine engine, bool cardNumbers = true)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
        CardNumbers = cardNumbers;
    }

    public SecretEngine Engine { get; }

    public bool CardNumbers { get; }

    public ContentScanResult Scan(string path, ReadOnlySpan<byte> content, string? commit = null, CancellationToken cancellationToken = default) =>
        Scan(path, Encoding.UTF8.GetString(content), commit, cancellationToken);

    /// <param name="cancellationToken">The file's deadline: the scan stops with <see cref="OperationCanceledException"/> when it passes.</param>
    public ContentScanResult Scan(string path, string text, string? commit = null, CancellationToken cancellationToken = default)
    {
        var incomplete = new List<string>();
        var secrets = Engine.Scan(text, path, commit, incomplete, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var cards = CardNumbers ? CardNumberDetector.Scan(text) : [];
        return secrets.IsEmpty && cards.IsEmpty && incomplete.Count == 0
            ? ContentScanResult.Empty
            : new ContentScanResult(secrets, cards) { Incomplete = [.. incomplete] };
    }
}
