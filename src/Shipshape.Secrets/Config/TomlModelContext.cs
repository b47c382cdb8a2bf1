using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Shipshape.Secrets.Config;

/// <summary>Source-generated Tomlyn metadata for reading a document into its table model, without reflection.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlModelContext : TomlSerializerContext;
