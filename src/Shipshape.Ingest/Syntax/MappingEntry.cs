namespace Shipshape.Ingest.Syntax;

/// <summary>One key and its value in a mapping; the key keeps its own position.</summary>
public sealed record MappingEntry(ScalarNode Key, SyntaxNode Value);
