using Shipshape.Cli;
using Shipshape.Engine.Configuration;

namespace Shipshape.Tests.Cli;

public sealed class ParameterFileTests
{
    [Fact]
    public void Parse_AwsCliJson_ReadsKeysAndValues()
    {
        var values = ParameterFile.Parse("p.json", """[{"ParameterKey": "Environment", "ParameterValue": "dev"}, {"ParameterKey": "Port", "ParameterValue": "8080"}]""");

        Assert.Equal(("dev", "8080"), (values["Environment"], values["Port"]));
    }

    [Fact]
    public void Parse_CodePipelineTemplateConfiguration_ReadsParameters()
    {
        var values = ParameterFile.Parse("c.json", """{"Parameters": {"ImageTag": "1.4.2"}, "Tags": {"team": "shop"}}""");

        Assert.Equal("1.4.2", Assert.Single(values).Value);
    }

    [Fact]
    public void Parse_KeyValueLines_SkipsCommentsAndRejectsJunk()
    {
        Assert.Equal("eu-west-1", ParameterFile.Parse("p.env", "# region\nAWS::Region=eu-west-1\n")["AWS::Region"]);
        var ex = Assert.Throws<ConfigException>(() => ParameterFile.Parse("p.env", "A=1\nnot a pair\n"));
        Assert.StartsWith("p.env:2:", ex.Message, StringComparison.Ordinal);
    }
}
