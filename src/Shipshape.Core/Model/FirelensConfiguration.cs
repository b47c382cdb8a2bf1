using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>Marks a container as the FireLens log router of its task (ECS firelensConfiguration).</summary>
public sealed record FirelensConfiguration(Value<string?> Type, ImmutableArray<KeyValue> Options, SourceSpan Span, string Path);
