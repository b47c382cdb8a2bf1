namespace Shipshape.Iam.Catalog;

/// <summary>A resource type an action accepts, and whether the request must name one of that type.</summary>
public sealed record IamActionResource(string ResourceType, bool Required);
