namespace Shipshape.Hcl.Syntax;

/// <summary>Internal unwinding from a syntax error to the recovery point; never escapes the parser.</summary>
internal sealed class HclParseException : Exception
{
    public HclParseException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public HclParseException()
    {
    }

    public HclParseException(string message)
        : base(message)
    {
    }

    public HclParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Position { get; }
}
