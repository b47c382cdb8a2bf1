using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Dockerfile;

/// <summary>A parsed Dockerfile: its parser directives, its instructions in order and the problems met.</summary>
public sealed record DockerfileSyntax(
    ImmutableDictionary<string, string> Directives,
    char Escape,
    ImmutableArray<DockerfileInstruction> Instructions,
    ImmutableArray<Diagnostic> Diagnostics);
