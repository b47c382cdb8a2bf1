using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>One default action of a listener as the format wrote it: its type and its redirect configuration's protocol (absent when it has none).</summary>
internal sealed record ListenerAction(Value<string?> Type, Value<string?> RedirectProtocol);
