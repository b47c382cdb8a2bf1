using Shipshape.Hcl.Evaluation;
using Shipshape.Hcl.Syntax;

namespace Shipshape.Tests.Hcl;

/// <summary>The native syntax, written from hclsyntax/spec.md: structure, expressions, templates, errors and limits.</summary>
public sealed class HclParserTests
{
    private static HclFile Parse(string text)
    {
        var file = HclParser.Parse("main.tf", text);
        return file;
    }

    private static HclValue Eval(string expression, HclScope? scope = null)
    {
        var (expr, diagnostics) = HclParser.ParseExpression("expr.hcl", expression);
        Assert.Empty(diagnostics);
        return new HclEvaluator().Evaluate(expr!, scope ?? HclScope.Empty);
    }

    private static string Json(string expression) => HclJson.Encode(Eval(expression));

    [Fact]
    public void Parse_BlocksLabelsAndAttributes_KeepsStructureAndPositions()
    {
        var file = Parse("""
            # a comment
            resource "aws_ecs_task_definition" "app" {
              family = "web" // trailing comment
              /* block
                 comment */
              volume {
                name = "data"
              }
            }
            locals { a = 1 }
            """);

        Assert.Empty(file.Diagnostics);
        var block = file.Body.Blocks[0];
        Assert.Equal("resource aws_ecs_task_definition app", $"{block.Type} {string.Join(' ', block.Labels)}");
        Assert.Equal((2, 1), (block.Span.StartLine, block.Span.StartColumn));
        var family = block.Body.Attribute("family")!;
        Assert.Equal((3, 3), (family.Span.StartLine, family.Span.StartColumn));
        Assert.Equal((3, 12), (family.Expression.Span.StartLine, family.Expression.Span.StartColumn));
        var volume = Assert.Single(block.Body.Blocks);
        Assert.Equal(7, volume.Body.Attribute("name")!.Span.StartLine);
        Assert.Equal("locals", file.Body.Blocks[1].Type);
    }

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("7 % 4", "3")]
    [InlineData("1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 4 == false", "true")]
    [InlineData("true || false && false", "true")]
    [InlineData("!true == false", "true")]
    [InlineData("-3 + 1", "-2")]
    [InlineData("1 == 1 ? \"a\" : \"b\"", "\"a\"")]
    [InlineData("1.5e2", "150")]
    [InlineData("[1, \"two\", true, null]", "[1,\"two\",true,null]")]
    [InlineData("{a = 1, \"b\" : 2\n c = 3}", "{\"a\":1,\"b\":2,\"c\":3}")]
    [InlineData("{(\"k${1}\") = 1}", "{\"k1\":1}")]
    [InlineData("[for i, v in [\"a\", \"b\"] : \"${i}${v}\"]", "[\"0a\",\"1b\"]")]
    [InlineData("{for k, v in {a = 1, b = 2} : v => k if v > 1}", "{\"2\":\"b\"}")]
    [InlineData("{for v in [\"x\", \"y\", \"x\"] : v => v...}", "{\"x\":[\"x\",\"x\"],\"y\":[\"y\"]}")]
    [InlineData("[{a = {b = 1}}, {a = {b = 2}}][*].a.b", "[1,2]")]
    [InlineData("[{a = 1}, {a = 2}].*.a", "[1,2]")]
    [InlineData("{a = [10, 20]}.a[1]", "20")]
    [InlineData("[10, 20].1", "20")]
    [InlineData("\"tab\\there \\\"q\\\" \\u00e9\"", "\"tab\\there \\\"q\\\" é\"")]
    [InlineData("\"$${literal} %%{literal}\"", "\"${literal} %{literal}\"")]
    [InlineData("\"a ${1 + 1} b\"", "\"a 2 b\"")]
    [InlineData("\"${true}\"", "true")]
    [InlineData("\"%{ if true }yes%{ else }no%{ endif }\"", "\"yes\"")]
    [InlineData("\"%{ for x in [1, 2] }[${x}]%{ endfor }\"", "\"[1][2]\"")]
    [InlineData("\"a  ${~ \"b\" ~}  c\"", "\"abc\"")]
    [InlineData("concat([[1], [2, 3]]...)", "[1,2,3]")]
    [InlineData("max([1, 5, 3]...)", "5")]
    public void Evaluate_Expression_ProducesTheSpecifiedValue(string expression, string expectedJson)
    {
        Assert.Equal(expectedJson, Json(expression));
    }

    [Fact]
    public void Parse_Heredocs_KeepTextAndFlushIndentation()
    {
        var file = Parse("a = <<EOT\n  hello ${\"x\"}\n  world\nEOT\nb = <<-EOT\n    one\n      two\n    EOT\nc = 1\n");

        Assert.Empty(file.Diagnostics);
        var evaluator = new HclEvaluator();
        Assert.Equal("  hello x\n  world\n", ((HclString)evaluator.Evaluate(file.Body.Attribute("a")!.Expression, HclScope.Empty)).Value);
        Assert.Equal("one\n  two\n", ((HclString)evaluator.Evaluate(file.Body.Attribute("b")!.Expression, HclScope.Empty)).Value);
        Assert.Equal(9, file.Body.Attribute("c")!.Span.StartLine);
    }

    [Fact]
    public void Parse_SyntaxError_ReportsLineAndRecoversAtNextTopLevelBlock()
    {
        var file = Parse("""
            resource "a" "b" {
              x = = 1
            }

            resource "c" "d" {
              y = 2
            }
            """);

        var error = Assert.Single(file.Diagnostics);
        Assert.Equal(("main.tf", 2), (error.Location.Path, error.Location.StartLine));
        var block = Assert.Single(file.Body.Blocks);
        Assert.Equal("d", block.Labels[1]);
    }

    [Fact]
    public void Parse_DeepNesting_IsADiagnosticNotAStackOverflow()
    {
        var deep = "a = " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var file = Parse(deep);
        Assert.Contains(file.Diagnostics, d => d.Message.Contains("nesting deeper", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a = \"unterminated\n")]
    [InlineData("a = <<EOF\nno end\n")]
    [InlineData("resource \"x\" {\n")]
    [InlineData("a = \"${\"\n")]
    [InlineData("a = /* open\n")]
    [InlineData("a = {for x in y : x}\n")]
    [InlineData("\"label\" {}\n")]
    [InlineData("a = \"%{ if x }\"\n")]
    public void Parse_MalformedInput_GivesDiagnosticsAndTerminates(string text)
    {
        var file = Parse(text);
        Assert.NotEmpty(file.Diagnostics);
        Assert.All(file.Diagnostics, d => Assert.True(d.Location.StartLine >= 1));
    }

    [Fact]
    public void Evaluate_UnknownReference_PropagatesItsLinks()
    {
        var links = new HclUnknown(["aws_iam_role.task"]);
        var scope = new HclScope(System.Collections.Immutable.ImmutableDictionary<string, HclValue>.Empty.Add("role", links));

        var value = Eval("\"arn:${role.arn}\"", scope);

        Assert.Equal(["aws_iam_role.task"], Assert.IsType<HclUnknown>(value).Links.ToArray());
    }

    [Fact]
    public void Evaluate_TryAndCan_FallBackOnErrors()
    {
        Assert.Equal("\"fallback\"", Json("try({}.missing, \"fallback\")"));
        Assert.Equal("false", Json("can({}.missing)"));
        Assert.Equal("true", Json("can({a = 1}.a)"));
    }
}
