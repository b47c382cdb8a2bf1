using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>A parsed file: its body (whatever could be read) and the diagnostics met.</summary>
public sealed record HclFile(string Path, HclBody Body, ImmutableArray<Diagnostic> Diagnostics);
