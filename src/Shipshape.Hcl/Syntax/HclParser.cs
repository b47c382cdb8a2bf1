using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Shipshape.Core;
using Shipshape.Hcl.Evaluation;

namespace Shipshape.Hcl.Syntax;

/// <summary>
/// Parses the HCL native syntax (hclsyntax/spec.md) into a positioned tree. A syntax error becomes a
/// diagnostic with the file and line; the parser then skips to the next top-level item, so the rest of the
/// file still loads. Nesting deeper than <see cref="MaxDepth"/> is an error, not a stack overflow.
/// </summary>
public sealed class HclParser
{
    public const int MaxDepth = 128;

    private readonly string _text;
    private readonly string _path;
    private readonly int[] _lineStarts;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly int _lineOffset;
    private readonly int _end;
    private int _pos;
    private int _depth;
    private int _newlineInsensitive;

    private HclParser(string path, string text, int lineOffset = 0)
    {
        _path = path;
        _text = text;
        _lineOffset = lineOffset;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
        _end = text.Length;
    }

    private HclParser(HclParser parent, int start, int end)
    {
        _path = parent._path;
        _text = parent._text;
        _lineStarts = parent._lineStarts;
        _lineOffset = parent._lineOffset;
        _pos = start;
        _end = end;
        _depth = parent._depth;
    }

    /// <summary>Parses a whole file (a configuration body).</summary>
    public static HclFile Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = " " + text[1..];
        }

        var parser = new HclParser(path, text);
        var body = parser.ParseFileBody();
        return new HclFile(path, body, [.. parser._diagnostics]);
    }

    /// <summary>Parses one expression (for --var values and tests); errors give null and diagnostics.</summary>
    public static (Expression? Expression, ImmutableArray<Diagnostic> Diagnostics) ParseExpression(string path, string text)
    {
        var parser = new HclParser(path, text);
        try
        {
            parser._newlineInsensitive++;
            var expr = parser.ParseExpr();
            parser.SkipTrivia();
            if (parser._pos < text.Length)
            {
                parser.Fail("unexpected text after the expression");
            }

            return (expr, [.. parser._diagnostics]);
        }
        catch (HclParseException ex)
        {
            parser.AddError(ex);
            return (null, [.. parser._diagnostics]);
        }
    }

    /// <summary>Parses a string of the JSON syntax as a template ("${...}" interpolations), with spans at the given line.</summary>
    public static (TemplateExpr? Template, ImmutableArray<Diagnostic> Diagnostics) ParseTemplate(string path, string text, int line)
    {
        var parser = new HclParser(path, text, Math.Max(0, line - 1));
        try
        {
            var (parts, _) = parser.ParseTemplateParts(TemplateMode.Bare, 0, false);
            return (parser.MakeTemplate(parts, 0, false), [.. parser._diagnostics]);
        }
        catch (HclParseException ex)
        {
            parser.AddError(ex);
            return (null, [.. parser._diagnostics]);
        }
    }

    private enum TemplateMode
    {
        Quoted,
        Heredoc,
        Bare,
    }

    // ---------------------------------------------------------------- positions and errors

    private SourceSpan SpanFrom(int start) => SpanOf(start, _pos);

    private SourceSpan SpanOf(int start, int end)
    {
        var (l1, c1) = LineCol(start);
        var (l2, c2) = LineCol(Math.Max(start, end - 1));
        return new SourceSpan(_path, l1, c1, l2, c2);
    }

    private (int Line, int Column) LineCol(int pos)
    {
        pos = Math.Clamp(pos, 0, _text.Length);
        var index = Array.BinarySearch(_lineStarts, pos);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1 + _lineOffset, pos - _lineStarts[index] + 1);
    }

    private void AddError(HclParseException ex)
    {
        var (line, column) = LineCol(ex.Position);
        _diagnostics.Add(Diagnostic.Error(new SourceSpan(_path, line, column, line, column), $"HCL syntax error: {ex.Message}"));
    }

    private HclParseException Fail(string message) => throw new HclParseException(message, _pos);

    private char Cur => _pos < _end ? _text[_pos] : '\0';

    private char Peek(int offset) => _pos + offset < _end ? _text[_pos + offset] : '\0';

    private bool AtEnd => _pos >= _end;

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            Fail($"nesting deeper than {MaxDepth} levels");
        }
    }

    private void Leave() => _depth--;

    // ---------------------------------------------------------------- trivia

    /// <summary>Skips spaces and comments; newlines too when inside brackets (or when asked).</summary>
    private void SkipTrivia(bool newlines = false)
    {
        newlines |= _newlineInsensitive > 0;
        while (!AtEnd)
        {
            var c = Cur;
            if (c is ' ' or '\t' or '\r')
            {
                _pos++;
            }
            else if (c == '\n')
            {
                if (!newlines)
                {
                    return;
                }

                _pos++;
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (!AtEnd && Cur != '\n')
                {
                    _pos++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    Fail("unterminated /* comment");
                }

                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private bool TryConsume(char c)
    {
        if (Cur == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(char c, string what)
    {
        SkipTrivia();
        if (!TryConsume(c))
        {
            Fail(AtEnd ? $"expected {what}, found end of file" : $"expected {what}, found '{Cur}'");
        }
    }

    private static bool IsIdStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    private string ReadIdentifier()
    {
        if (!IsIdStart(Cur))
        {
            Fail(AtEnd ? "expected a name, found end of file" : $"expected a name, found '{Cur}'");
        }

        var start = _pos;
        while (!AtEnd && IsIdPart(Cur))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    // ---------------------------------------------------------------- bodies

    private HclBody ParseFileBody()
    {
        var attributes = ImmutableArray.CreateBuilder<HclAttribute>();
        var blocks = ImmutableArray.CreateBuilder<HclBlock>();
        while (true)
        {
            SkipTriviaRecovering();
            if (AtEnd)
            {
                break;
            }

            var start = _pos;
            try
            {
                ParseBodyItem(attributes, blocks);
            }
            catch (HclParseException ex)
            {
                AddError(ex);
                _depth = 0;
                _newlineInsensitive = 0;
                Recover(start);
            }
        }

        return new HclBody(attributes.ToImmutable(), blocks.ToImmutable(), SpanOf(0, _text.Length));
    }

    private void SkipTriviaRecovering()
    {
        try
        {
            SkipTrivia(newlines: true);
        }
        catch (HclParseException ex)
        {
            AddError(ex);
            _pos = _text.Length;
        }
    }

    /// <summary>Skips to the next line that starts a top-level item (a name at column 1), past the failed one.</summary>
    private void Recover(int itemStart)
    {
        var from = Math.Max(_pos, itemStart + 1);
        var next = from;
        while (true)
        {
            var newline = _text.IndexOf('\n', next);
            if (newline < 0)
            {
                _pos = _text.Length;
                return;
            }

            next = newline + 1;
            if (next < _text.Length && IsIdStart(_text[next]))
            {
                _pos = next;
                return;
            }
        }
    }

    private HclBody ParseBlockBody(int start)
    {
        var attributes = ImmutableArray.CreateBuilder<HclAttribute>();
        var blocks = ImmutableArray.CreateBuilder<HclBlock>();
        var saved = _newlineInsensitive;
        _newlineInsensitive = 0;
        while (true)
        {
            SkipTrivia(newlines: true);
            if (AtEnd)
            {
                Fail("unclosed block: expected '}'");
            }

            if (TryConsume('}'))
            {
                break;
            }

            ParseBodyItem(attributes, blocks);
        }

        _newlineInsensitive = saved;
        return new HclBody(attributes.ToImmutable(), blocks.ToImmutable(), SpanFrom(start));
    }

    private void ParseBodyItem(ImmutableArray<HclAttribute>.Builder attributes, ImmutableArray<HclBlock>.Builder blocks)
    {
        var start = _pos;
        var name = ReadIdentifier();
        var nameSpan = SpanFrom(start);
        SkipTrivia();
        if (Cur == '=' && Peek(1) != '=')
        {
            _pos++;
            var expr = ParseExpr();
            attributes.Add(new HclAttribute(name, expr, nameSpan, SpanFrom(start)));
            EndOfItem();
            return;
        }

        var labels = ImmutableArray.CreateBuilder<string>();
        while (true)
        {
            SkipTrivia();
            if (Cur == '"')
            {
                var labelStart = _pos;
                var template = ParseQuotedTemplate();
                if (template.Parts.Length > 1 || (template.Parts.Length == 1 && template.Parts[0] is not LiteralExpr))
                {
                    _pos = labelStart;
                    Fail("block labels cannot contain interpolations");
                }

                labels.Add(template.Parts.Length == 0 ? string.Empty : ((HclString)((LiteralExpr)template.Parts[0]).Value).Value);
            }
            else if (IsIdStart(Cur))
            {
                labels.Add(ReadIdentifier());
            }
            else if (Cur == '{')
            {
                break;
            }
            else
            {
                Fail(AtEnd ? "expected '=' or a block, found end of file" : $"expected '=' or a block after '{name}', found '{Cur}'");
            }
        }

        var bodyStart = _pos;
        _pos++;
        Enter();
        var body = ParseBlockBody(bodyStart);
        Leave();
        blocks.Add(new HclBlock(name, labels.ToImmutable(), body, SpanFrom(start)));
        EndOfItem();
    }

    private void EndOfItem()
    {
        SkipTrivia();
        if (AtEnd || Cur == '}')
        {
            return;
        }

        if (!TryConsume('\n'))
        {
            Fail($"expected a newline after the item, found '{Cur}'");
        }
    }

    // ---------------------------------------------------------------- expressions

    private Expression ParseExpr()
    {
        Enter();
        try
        {
            return ParseConditional();
        }
        finally
        {
            Leave();
        }
    }

    private Expression ParseConditional()
    {
        var start = _pos;
        var condition = ParseBinary(0);
        SkipTrivia();
        if (Cur != '?')
        {
            return condition;
        }

        _pos++;
        SkipTrivia(newlines: true);
        var whenTrue = ParseExpr();
        SkipTrivia(newlines: true);
        Expect(':', "':' of the conditional");
        SkipTrivia(newlines: true);
        var whenFalse = ParseExpr();
        return new ConditionalExpr(condition, whenTrue, whenFalse, SpanFrom(SkipStart(start)));
    }

    private int SkipStart(int start)
    {
        while (start < _text.Length && char.IsWhiteSpace(_text[start]))
        {
            start++;
        }

        return start;
    }

    private static readonly string[][] Levels =
    [
        ["||"],
        ["&&"],
        ["==", "!="],
        ["<=", ">=", "<", ">"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private Expression ParseBinary(int level)
    {
        if (level == Levels.Length)
        {
            return ParseUnary();
        }

        SkipTrivia();
        var start = _pos;
        var left = ParseBinary(level + 1);
        while (true)
        {
            SkipTrivia();
            var op = MatchOperator(Levels[level]);
            if (op is null)
            {
                return left;
            }

            _pos += op.Length;
            SkipTrivia(newlines: true);
            Enter();
            var right = ParseBinary(level + 1);
            Leave();
            left = new BinaryExpr(op, left, right, SpanFrom(start));
        }
    }

    private string? MatchOperator(string[] candidates)
    {
        foreach (var op in candidates)
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) != 0)
            {
                continue;
            }

            // '/' starting a comment, '=>' and '==' vs '=', "*" of a splat never reach here as operators.
            var next = Peek(op.Length);
            if (op == "/" && next is '/' or '*')
            {
                continue;
            }

            if (op is "<" or ">" && next == '=')
            {
                continue;
            }

            if (op == "<" && next == '<')
            {
                continue;
            }

            return op;
        }

        return null;
    }

    private Expression ParseUnary()
    {
        SkipTrivia();
        var start = _pos;
        if ((Cur == '-' && Peek(1) != '-') || (Cur == '!' && Peek(1) != '='))
        {
            var op = Cur.ToString();
            _pos++;
            Enter();
            var operand = ParseUnary();
            Leave();
            return new UnaryExpr(op, operand, SpanFrom(start));
        }

        return ParsePostfix(ParsePrimary());
    }

    private Expression ParsePostfix(Expression expr)
    {
        var start = StartOf(expr);
        while (true)
        {
            // Traversals do not continue across a newline at body level.
            var save = _pos;
            SkipTrivia();
            if (Cur == '.' && Peek(1) == '*')
            {
                _pos += 2;
                Expression each = new SplatItemExpr(SpanFrom(_pos - 2));
                while (true)
                {
                    var inner = _pos;
                    SkipTrivia();
                    if (Cur == '.' && IsIdStart(Peek(1)))
                    {
                        _pos++;
                        var name = ReadIdentifier();
                        each = new GetAttrExpr(each, name, SpanFrom(start));
                    }
                    else
                    {
                        _pos = inner;
                        break;
                    }
                }

                expr = new SplatExpr(expr, each, SpanFrom(start));
            }
            else if (Cur == '[' && Peek(1) == '*' && Peek(2) == ']')
            {
                _pos += 3;
                Expression each = new SplatItemExpr(SpanFrom(_pos - 3));
                each = ParseTraversals(each, start);
                expr = new SplatExpr(expr, each, SpanFrom(start));
            }
            else if (Cur == '.' || Cur == '[')
            {
                _pos = save;
                var before = _pos;
                expr = ParseTraversals(expr, start, single: true);
                if (_pos == before)
                {
                    return expr;
                }
            }
            else
            {
                _pos = save;
                return expr;
            }
        }
    }

    private int StartOf(Expression expr)
    {
        var line = expr.Span.StartLine - _lineOffset - 1;
        return line >= 0 && line < _lineStarts.Length ? _lineStarts[line] + expr.Span.StartColumn - 1 : _pos;
    }

    /// <summary>.name, .0 and [key] traversals; with single, at most one.</summary>
    private Expression ParseTraversals(Expression expr, int start, bool single = false)
    {
        while (true)
        {
            var save = _pos;
            SkipTrivia();
            if (Cur == '.' && IsIdStart(Peek(1)))
            {
                _pos++;
                expr = new GetAttrExpr(expr, ReadIdentifier(), SpanFrom(start));
            }
            else if (Cur == '.' && char.IsAsciiDigit(Peek(1)))
            {
                _pos++;
                var numStart = _pos;
                while (char.IsAsciiDigit(Cur))
                {
                    _pos++;
                }

                var index = double.Parse(_text.AsSpan(numStart, _pos - numStart), NumberStyles.Integer, CultureInfo.InvariantCulture);
                expr = new IndexExpr(expr, new LiteralExpr(HclValue.Of(index), SpanFrom(numStart)), SpanFrom(start));
            }
            else if (Cur == '[' && !(Peek(1) == '*' && Peek(2) == ']'))
            {
                _pos++;
                _newlineInsensitive++;
                var key = ParseExpr();
                SkipTrivia();
                Expect(']', "']'");
                _newlineInsensitive--;
                expr = new IndexExpr(expr, key, SpanFrom(start));
            }
            else
            {
                _pos = save;
                return expr;
            }

            if (single)
            {
                return expr;
            }
        }
    }

    private Expression ParsePrimary()
    {
        SkipTrivia();
        var start = _pos;
        var c = Cur;
        if (AtEnd)
        {
            Fail("expected an expression, found end of file");
        }

        if (char.IsAsciiDigit(c))
        {
            return ParseNumber();
        }

        if (c == '"')
        {
            return ParseQuotedTemplate();
        }

        if (c == '<' && Peek(1) == '<')
        {
            return ParseHeredoc();
        }

        if (c == '(')
        {
            _pos++;
            _newlineInsensitive++;
            var inner = ParseExpr();
            Expect(')', "')'");
            _newlineInsensitive--;
            return new ParenExpr(inner, SpanFrom(start));
        }

        if (c == '[')
        {
            return ParseTuple();
        }

        if (c == '{')
        {
            return ParseObject();
        }

        if (IsIdStart(c))
        {
            var name = ReadIdentifier();
            while (Cur == ':' && Peek(1) == ':' && IsIdStart(Peek(2)))
            {
                _pos += 2;
                name += "::" + ReadIdentifier();
            }

            var save = _pos;
            SkipTrivia();
            if (Cur == '(')
            {
                return ParseCall(name, start);
            }

            _pos = save;
            return name switch
            {
                "true" => new LiteralExpr(HclValue.True.At<HclBool>(SpanFrom(start)), SpanFrom(start)),
                "false" => new LiteralExpr(HclValue.False.At<HclBool>(SpanFrom(start)), SpanFrom(start)),
                "null" => new LiteralExpr(HclValue.Null.At<HclNull>(SpanFrom(start)), SpanFrom(start)),
                _ => new VariableExpr(name, SpanFrom(start)),
            };
        }

        throw Fail($"expected an expression, found '{c}'");
    }

    private LiteralExpr ParseNumber()
    {
        var start = _pos;
        while (char.IsAsciiDigit(Cur))
        {
            _pos++;
        }

        if (Cur == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            while (char.IsAsciiDigit(Cur))
            {
                _pos++;
            }
        }

        if (Cur is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _pos += 2;
            while (char.IsAsciiDigit(Cur))
            {
                _pos++;
            }
        }

        var value = double.Parse(_text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        var span = SpanFrom(start);
        return new LiteralExpr(new HclNumber(value) { Span = span }, span);
    }

    private FunctionCallExpr ParseCall(string name, int start)
    {
        _pos++;
        _newlineInsensitive++;
        var args = ImmutableArray.CreateBuilder<Expression>();
        var expand = false;
        SkipTrivia();
        while (Cur != ')')
        {
            args.Add(ParseExpr());
            SkipTrivia();
            if (Cur == '.' && Peek(1) == '.' && Peek(2) == '.')
            {
                _pos += 3;
                expand = true;
                SkipTrivia();
                if (Cur == ',')
                {
                    _pos++;
                    SkipTrivia();
                }

                break;
            }

            if (!TryConsume(','))
            {
                break;
            }

            SkipTrivia();
        }

        Expect(')', "')' closing the call");
        _newlineInsensitive--;
        return new FunctionCallExpr(name, args.ToImmutable(), expand, SpanFrom(start));
    }

    private bool AtKeyword(string keyword) =>
        string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0 && !IsIdPart(Peek(keyword.Length));

    private Expression ParseTuple()
    {
        var start = _pos;
        _pos++;
        _newlineInsensitive++;
        SkipTrivia();
        if (AtKeyword("for"))
        {
            var result = ParseFor(start, ']');
            _newlineInsensitive--;
            return result;
        }

        var items = ImmutableArray.CreateBuilder<Expression>();
        while (Cur != ']')
        {
            items.Add(ParseExpr());
            SkipTrivia();
            if (!TryConsume(','))
            {
                break;
            }

            SkipTrivia();
        }

        Expect(']', "']' closing the tuple");
        _newlineInsensitive--;
        return new TupleExpr(items.ToImmutable(), SpanFrom(start));
    }

    private Expression ParseObject()
    {
        var start = _pos;
        _pos++;
        SkipTrivia(newlines: true);
        if (AtKeyword("for"))
        {
            _newlineInsensitive++;
            var result = ParseFor(start, '}');
            _newlineInsensitive--;
            return result;
        }

        var saved = _newlineInsensitive;
        _newlineInsensitive = 0;
        var items = ImmutableArray.CreateBuilder<ObjectItem>();
        while (true)
        {
            SkipTrivia(newlines: true);
            if (TryConsume('}'))
            {
                break;
            }

            if (AtEnd)
            {
                Fail("unclosed object: expected '}'");
            }

            var key = ParseExpr();
            if (key is VariableExpr variable)
            {
                key = new LiteralExpr(new HclString(variable.Name) { Span = variable.Span }, variable.Span);
            }

            SkipTrivia();
            if (!(TryConsume('=') || TryConsume(':')))
            {
                Fail(AtEnd ? "expected '=' in the object, found end of file" : $"expected '=' or ':' in the object, found '{Cur}'");
            }

            SkipTrivia(newlines: true);
            var value = ParseExpr();
            items.Add(new ObjectItem(key, value));
            SkipTrivia();
            if (TryConsume(',') || TryConsume('\n'))
            {
                continue;
            }

            if (Cur != '}')
            {
                Fail(AtEnd ? "unclosed object: expected '}'" : $"expected ',' or a newline between object items, found '{Cur}'");
            }
        }

        _newlineInsensitive = saved;
        return new ObjectExpr(items.ToImmutable(), SpanFrom(start));
    }

    private ForExpr ParseFor(int start, char close)
    {
        _pos += 3;
        var (keyVar, valueVar, collection) = ParseForHeader("for expression");
        Expect(':', "':' in the for expression");
        Expression? keyResult = null;
        var valueResult = ParseExpr();
        SkipTrivia();
        if (close == '}')
        {
            if (!(Cur == '=' && Peek(1) == '>'))
            {
                Fail("expected '=>' in the object for expression");
            }

            _pos += 2;
            keyResult = valueResult;
            valueResult = ParseExpr();
            SkipTrivia();
        }

        var grouping = false;
        if (close == '}' && Cur == '.' && Peek(1) == '.' && Peek(2) == '.')
        {
            _pos += 3;
            grouping = true;
            SkipTrivia();
        }

        Expression? condition = null;
        if (AtKeyword("if"))
        {
            _pos += 2;
            condition = ParseExpr();
        }

        Expect(close, $"'{close}' closing the for expression");
        return new ForExpr(keyVar, valueVar, collection, keyResult, valueResult, condition, grouping, SpanFrom(start));
    }

    // ---------------------------------------------------------------- templates

    private TemplateExpr ParseQuotedTemplate()
    {
        var start = _pos;
        _pos++;
        var (parts, _) = ParseTemplateParts(TemplateMode.Quoted, 0, false);
        if (!TryConsume('"'))
        {
            Fail("unterminated string");
        }

        return MakeTemplate(parts, start, false) with { TextStart = SpanOf(start + 1, start + 2) };
    }

    private TemplateExpr MakeTemplate(List<Expression> parts, int start, bool heredoc)
    {
        var wrap = parts.Count == 1 && parts[0] is not LiteralExpr { Value: HclString } and not TemplateIfExpr and not TemplateForExpr;
        return new TemplateExpr([.. parts], wrap, heredoc, SpanFrom(start));
    }

    private Expression ParseHeredoc()
    {
        var start = _pos;
        _pos += 2;
        var flush = TryConsume('-');
        var marker = ReadIdentifier();
        while (Cur is ' ' or '\t' or '\r')
        {
            _pos++;
        }

        if (!TryConsume('\n'))
        {
            Fail("expected a newline after the heredoc marker");
        }

        // Find the closing marker line to bound the template.
        var bodyStart = _pos;
        var lineStart = _pos;
        var bodyEnd = -1;
        var closeEnd = -1;
        while (lineStart <= _text.Length)
        {
            var newline = _text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? _text.Length : newline;
            var line = _text.AsSpan(lineStart, lineEnd - lineStart).Trim();
            if (line.SequenceEqual(marker))
            {
                bodyEnd = lineStart;
                closeEnd = lineEnd;
                break;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        if (bodyEnd < 0)
        {
            _pos = start;
            Fail($"unterminated heredoc: no closing '{marker}' line");
        }

        var indent = 0;
        if (flush)
        {
            indent = int.MaxValue;
            foreach (var line in _text.AsSpan(bodyStart, bodyEnd - bodyStart).EnumerateLines())
            {
                if (line.Trim().IsEmpty)
                {
                    continue;
                }

                var n = 0;
                while (n < line.Length && line[n] is ' ' or '\t')
                {
                    n++;
                }

                indent = Math.Min(indent, n);
            }

            if (indent == int.MaxValue)
            {
                indent = 0;
            }
        }

        var sub = new HclParser(this, bodyStart, bodyEnd);
        var (parts, _) = sub.ParseTemplateParts(TemplateMode.Heredoc, indent, false);
        _diagnostics.AddRange(sub._diagnostics);
        _pos = closeEnd;
        return MakeTemplate(parts, start, true) with { TextStart = SpanOf(bodyStart, bodyStart + 1) };
    }

    private bool AtTemplateEnd(TemplateMode mode) => AtEnd || (mode == TemplateMode.Quoted && Cur == '"');

    /// <summary>
    /// Template parts up to the end of the template or an else/endif/endfor directive, whose keyword is returned
    /// (the directive itself consumed). Strip markers (~) trim the whitespace of the adjacent literal.
    /// </summary>
    private (List<Expression> Parts, string? Terminator) ParseTemplateParts(TemplateMode mode, int indent, bool stripFirst)
    {
        Enter();
        var parts = new List<Expression>();
        var literal = new StringBuilder();
        var literalStart = _pos;
        var stripNext = stripFirst;
        var atLineStart = mode == TemplateMode.Heredoc;

        void FlushLiteral(bool stripTrailing)
        {
            var text = literal.ToString();
            if (stripNext)
            {
                text = text.TrimStart();
            }

            if (stripTrailing)
            {
                text = text.TrimEnd();
            }

            stripNext = false;
            if (text.Length > 0)
            {
                var span = SpanOf(literalStart, Math.Max(literalStart + 1, _pos));
                parts.Add(new LiteralExpr(new HclString(text) { Span = span }, span));
            }

            literal.Clear();
        }

        while (!AtTemplateEnd(mode))
        {
            var c = Cur;
            if (atLineStart && indent > 0)
            {
                var n = 0;
                while (n < indent && Cur is ' ' or '\t')
                {
                    _pos++;
                    n++;
                }

                atLineStart = false;
                continue;
            }

            atLineStart = false;
            if ((c == '$' || c == '%') && Peek(1) == c && Peek(2) == '{')
            {
                literal.Append(c).Append('{');
                _pos += 3;
                continue;
            }

            if ((c == '$' || c == '%') && Peek(1) == '{')
            {
                var directiveStart = _pos;
                _pos += 2;
                var stripLeft = TryConsume('~');
                if (literal.Length == 0 && !stripNext)
                {
                    literalStart = directiveStart;
                }

                FlushLiteral(stripLeft);
                _newlineInsensitive++;
                if (c == '$')
                {
                    var expr = ParseExpr();
                    stripNext = CloseTemplateSequence();
                    parts.Add(expr);
                }
                else
                {
                    SkipTrivia();
                    var keyword = ReadIdentifier();
                    switch (keyword)
                    {
                        case "if":
                            parts.Add(ParseTemplateIf(directiveStart, mode, indent));
                            break;
                        case "for":
                            parts.Add(ParseTemplateFor(directiveStart, mode, indent));
                            break;
                        case "else" or "endif" or "endfor":
                            var strip = CloseTemplateSequence();
                            _newlineInsensitive--;
                            Leave();
                            _pendingStrip = strip;
                            return (parts, keyword);
                        default:
                            _pos = directiveStart;
                            Fail($"unknown template directive '{keyword}'");
                            break;
                    }

                    stripNext = _pendingStrip;
                    _pendingStrip = false;
                }

                _newlineInsensitive--;
                literalStart = _pos;
                continue;
            }

            if (mode == TemplateMode.Quoted)
            {
                if (c == '\n')
                {
                    Fail("a quoted string cannot contain a newline; use a heredoc");
                }

                if (c == '\\')
                {
                    literal.Append(ReadEscape());
                    continue;
                }
            }

            literal.Append(c);
            _pos++;
            if (c == '\n')
            {
                atLineStart = mode == TemplateMode.Heredoc;
            }
        }

        FlushLiteral(false);
        Leave();
        return (parts, null);
    }

    private bool _pendingStrip;

    /// <summary>Reads an optional '~' and the closing '}' of an interpolation or directive; returns whether to strip after.</summary>
    private bool CloseTemplateSequence()
    {
        SkipTrivia(newlines: true);
        var strip = TryConsume('~');
        if (!TryConsume('}'))
        {
            Fail(AtEnd ? "unclosed template sequence: expected '}'" : $"expected '}}' closing the template sequence, found '{Cur}'");
        }

        return strip;
    }

    private TemplateIfExpr ParseTemplateIf(int start, TemplateMode mode, int indent)
    {
        var condition = ParseExpr();
        var strip = CloseTemplateSequence();
        var bodyStart = _pos;
        var (thenParts, terminator) = ParseTemplateParts(mode, indent, strip);
        var then = new TemplateExpr([.. thenParts], false, false, SpanFrom(bodyStart));
        TemplateExpr? otherwise = null;
        if (terminator == "else")
        {
            var elseStart = _pos;
            var stripElse = _pendingStrip;
            _pendingStrip = false;
            var (elseParts, elseTerminator) = ParseTemplateParts(mode, indent, stripElse);
            otherwise = new TemplateExpr([.. elseParts], false, false, SpanFrom(elseStart));
            terminator = elseTerminator;
        }

        if (terminator != "endif")
        {
            _pos = start;
            Fail("%{ if } without a matching %{ endif }");
        }

        return new TemplateIfExpr(condition, then, otherwise, SpanFrom(start));
    }

    /// <summary>"k, v in collection" or "v in collection", shared by for expressions and %{ for } directives.</summary>
    private (string? KeyVariable, string ValueVariable, Expression Collection) ParseForHeader(string what)
    {
        SkipTrivia();
        var first = ReadIdentifier();
        string? keyVar = null;
        var valueVar = first;
        SkipTrivia();
        if (TryConsume(','))
        {
            SkipTrivia();
            keyVar = first;
            valueVar = ReadIdentifier();
            SkipTrivia();
        }

        if (!AtKeyword("in"))
        {
            Fail($"expected 'in' in the {what}");
        }

        _pos += 2;
        return (keyVar, valueVar, ParseExpr());
    }

    private TemplateForExpr ParseTemplateFor(int start, TemplateMode mode, int indent)
    {
        var (keyVar, valueVar, collection) = ParseForHeader("for directive");
        var strip = CloseTemplateSequence();
        var bodyStart = _pos;
        var (parts, terminator) = ParseTemplateParts(mode, indent, strip);
        if (terminator != "endfor")
        {
            _pos = start;
            Fail("%{ for } without a matching %{ endfor }");
        }

        return new TemplateForExpr(keyVar, valueVar, collection, new TemplateExpr([.. parts], false, false, SpanFrom(bodyStart)), SpanFrom(start));
    }

    private string ReadEscape()
    {
        var start = _pos;
        _pos++;
        var c = Cur;
        _pos++;
        switch (c)
        {
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case '"': return "\"";
            case '\\': return "\\";
            case 'u' or 'U':
                var length = c == 'u' ? 4 : 8;
                var code = 0;
                if (_pos + length > _text.Length
                    || !int.TryParse(_text.AsSpan(_pos, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out code)
                    || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                {
                    _pos = start;
                    Fail("invalid unicode escape");
                }

                _pos += length;
                return char.ConvertFromUtf32(code);
            default:
                _pos = start;
                throw Fail($"invalid escape sequence '\\{c}'");
        }
    }
}
