namespace Shipshape.Secrets.Sources;

/// <summary>One tar member: its name (long names and PAX paths applied), where its data lies in the archive, and whether it is a regular file.</summary>
internal readonly record struct TarMember(string Name, int DataAt, int Length, bool IsFile);
