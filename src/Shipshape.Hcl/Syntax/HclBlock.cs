using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>type "label" … { body }.</summary>
public sealed record HclBlock(string Type, ImmutableArray<string> Labels, HclBody Body, SourceSpan Span);
