using System.Collections.Immutable;

namespace Shipshape.Rules.Iam;

/// <summary>One step of an escalation path: any of the actions, with the service a role is passed to (for iam:PassRole).</summary>
internal sealed record EscalationStep(ImmutableArray<string> Actions, string? PassedToService);
