namespace Shipshape.Hcl.Syntax;

/// <summary>One key = value (or key: value) of an object constructor; a bare-name key is a literal string.</summary>
public sealed record ObjectItem(Expression Key, Expression Value);
