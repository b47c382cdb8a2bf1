using Shipshape.Hcl.Evaluation;
using Shipshape.Hcl.Syntax;

namespace Shipshape.Tests.Hcl;

/// <summary>Terraform's functions, with results taken from the Terraform function documentation's examples.</summary>
public sealed class HclFunctionsTests
{
    private static string Json(string expression)
    {
        var (expr, diagnostics) = HclParser.ParseExpression("f.hcl", expression);
        Assert.Empty(diagnostics);
        var value = new HclEvaluator().Evaluate(expr!, HclScope.Empty);
        return value is HclUnknown u ? $"unknown{(u.IsError ? " error" : string.Empty)}" : HclJson.Encode(value);
    }

    [Theory]
    [InlineData("cidrsubnet(\"172.16.0.0/12\", 4, 2)", "\"172.18.0.0/16\"")]
    [InlineData("cidrsubnet(\"10.1.2.0/24\", 4, 15)", "\"10.1.2.240/28\"")]
    [InlineData("cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162)", "\"fd00:fd12:3456:7800:a200::/72\"")]
    [InlineData("cidrhost(\"10.12.112.0/20\", 16)", "\"10.12.112.16\"")]
    [InlineData("cidrnetmask(\"172.16.0.0/12\")", "\"255.240.0.0\"")]
    [InlineData("format(\"Hello, %s!\", \"Ander\")", "\"Hello, Ander!\"")]
    [InlineData("format(\"There are %d lights\", 4)", "\"There are 4 lights\"")]
    [InlineData("format(\"%03d-%.2f\", 7, 3.14159)", "\"007-3.14\"")]
    [InlineData("formatlist(\"Hello, %s!\", [\"Valentina\", \"Ander\"])", "[\"Hello, Valentina!\",\"Hello, Ander!\"]")]
    [InlineData("jsonencode({\"hello\" = \"world\", a = [1, true, null]})", "\"{\\\"a\\\":[1,true,null],\\\"hello\\\":\\\"world\\\"}\"")]
    [InlineData("jsondecode(\"{\\\"hello\\\": \\\"world\\\"}\").hello", "\"world\"")]
    [InlineData("merge({a = \"b\", c = \"d\"}, {e = \"f\", c = \"z\"})", "{\"a\":\"b\",\"c\":\"z\",\"e\":\"f\"}")]
    [InlineData("lookup({a = \"ay\", b = \"bee\"}, \"c\", \"what?\")", "\"what?\"")]
    [InlineData("coalesce(\"\", \"b\")", "\"b\"")]
    [InlineData("join(\", \", [\"foo\", \"bar\", \"baz\"])", "\"foo, bar, baz\"")]
    [InlineData("split(\",\", \"foo,bar,baz\")", "[\"foo\",\"bar\",\"baz\"]")]
    [InlineData("replace(\"hello world\", \"/w.*d/\", \"everybody\")", "\"hello everybody\"")]
    [InlineData("element([\"a\", \"b\", \"c\"], 3)", "\"a\"")]
    [InlineData("flatten([[\"a\", \"b\"], [], [\"c\"]])", "[\"a\",\"b\",\"c\"]")]
    [InlineData("distinct([\"a\", \"b\", \"a\", \"c\", \"d\", \"b\"])", "[\"a\",\"b\",\"c\",\"d\"]")]
    [InlineData("keys({a = 1, c = 2, d = 3})", "[\"a\",\"c\",\"d\"]")]
    [InlineData("contains([\"a\", \"b\", \"c\"], \"a\")", "true")]
    [InlineData("length(\"héllo\")", "5")]
    [InlineData("tonumber(\"1\") + 1", "2")]
    [InlineData("tobool(\"true\")", "true")]
    [InlineData("substr(\"hello world\", 1, 4)", "\"ello\"")]
    [InlineData("zipmap([\"a\", \"b\"], [1, 2])", "{\"a\":1,\"b\":2}")]
    [InlineData("range(1, 4)", "[1,2,3]")]
    [InlineData("regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")", "\"aaabbbccc\"")]
    [InlineData("base64decode(base64encode(\"Hello\"))", "\"Hello\"")]
    [InlineData("trimprefix(\"helloworld\", \"hello\")", "\"world\"")]
    [InlineData("one([])", "null")]
    [InlineData("try(tonumber(\"x\"), 0)", "0")]
    [InlineData("timestamp()", "unknown")]
    [InlineData("some_future_function(1)", "unknown")]
    [InlineData("lookup({}, \"missing\")", "unknown error")]
    public void Call_DocumentedExample_ReturnsTheDocumentedResult(string expression, string expected)
    {
        Assert.Equal(expected, Json(expression));
    }

    [Fact]
    public void JsonEncode_PartlyUnknownValue_KeepsTheStructureForTheModel()
    {
        var (expr, _) = HclParser.ParseExpression("f.hcl", "jsonencode([{ name = \"app\", image = role.arn }])");
        var scope = new HclScope(System.Collections.Immutable.ImmutableDictionary<string, HclValue>.Empty.Add("role", new HclUnknown(["aws_iam_role.x"])));

        var value = Assert.IsType<HclUnknown>(new HclEvaluator().Evaluate(expr!, scope));

        Assert.Equal(["aws_iam_role.x"], value.Links.ToArray());
        var item = Assert.IsType<HclObject>(Assert.Single(Assert.IsType<HclTuple>(value.JsonSource).Items));
        Assert.Equal("app", Assert.IsType<HclString>(item.Get("name")).Value);
        Assert.IsType<HclUnknown>(item.Get("image"));
    }
}
