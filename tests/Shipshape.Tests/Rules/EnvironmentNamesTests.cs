using Shipshape.Rules.Secrets;

namespace Shipshape.Tests.Rules;

public sealed class EnvironmentNamesTests
{
    [Theory]
    [InlineData("DB_PASSWORD")]
    [InlineData("dbPassword")]
    [InlineData("DBPassword")]
    [InlineData("db-password")]
    [InlineData("MYSQL_ROOT_PASSWORD")]
    [InlineData("DBPASSWORD")]
    [InlineData("DB_PASSWD")]
    [InlineData("DB_PWD")]
    [InlineData("DB_PASS")]
    [InlineData("CLIENT_SECRET")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("AWS_SESSION_TOKEN")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("API_KEY")]
    [InlineData("ApiKey")]
    [InlineData("STRIPE_APIKEY")]
    [InlineData("PRIVATE_KEY")]
    [InlineData("SIGNING_KEY")]
    [InlineData("GOOGLE_CREDENTIALS")]
    [InlineData("SSH_PASSPHRASE")]
    public void LooksSecret_SecretName_IsTrue(string name) => Assert.True(EnvironmentNames.LooksSecret(name));

    [Theory]
    [InlineData("PWD")]
    [InlineData("OLDPWD")]
    [InlineData("TOKEN_URL")]
    [InlineData("OAUTH_TOKEN_ENDPOINT")]
    [InlineData("PASSWORD_FILE")]
    [InlineData("DB_PASSWORD_PATH")]
    [InlineData("SECRET_ARN")]
    [InlineData("SECRET_NAME")]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("PASSWORD_MIN_LENGTH")]
    [InlineData("TOKEN_TTL")]
    [InlineData("PASS_THROUGH")]
    [InlineData("SECRETARY_EMAIL")]
    [InlineData("CACHE_KEY")]
    [InlineData("NODE_ENV")]
    [InlineData("KEYCLOAK_REALM")]
    public void LooksSecret_OrdinaryOrReferenceName_IsFalse(string name) => Assert.False(EnvironmentNames.LooksSecret(name));

    [Fact]
    public void Split_MixedName_SplitsAtSeparatorsAndCamelCase()
    {
        Assert.Equal(["DB", "PASSWORD", "FOR", "APP"], EnvironmentNames.Split("DBPassword_for-app").ToArray());
    }
}
