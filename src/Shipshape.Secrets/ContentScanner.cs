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

    public ContentScanResult Scan(string path, ReadOnlySpan<byte> content, string? commit = null) =>
        Scan(path, Encoding.UTF8.GetString(content), commit);

    public ContentScanResult Scan(string path, string text, string? commit = null)
    {
        var secrets = Engine.Scan(text, path, commit);
        var cards = CardNumbers ? CardNumberDetector.Scan(text) : [];
        return secrets.IsEmpty && cards.IsEmpty ? ContentScanResult.Empty : new ContentScanResult(secrets, cards);
    }
}
