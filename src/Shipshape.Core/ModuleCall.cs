namespace Shipshape.Core;

/// <summary>
/// One Terraform module call on the way to a resource: the module instance's address (<c>module.api</c>,
/// <c>module.api.module.tasks["web"]</c>) and the caller's <c>module "…" {</c> line, when the source has one (a plan does not).
/// </summary>
public sealed record ModuleCall(string Address, SourceSpan? Call);
