using System.Net;
using System.Net.Sockets;
using System.Text;
using Shipshape.Iam.Catalog;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Iam;

/// <summary>`iam update-catalog` against a tiny service reference served on loopback.</summary>
public sealed class UpdateCatalogTests
{
    private const string Index = """[{"service": "ecs", "url": "v1/ecs/ecs.json"}]""";

    // The shape of the AWS service reference documents, cut down to two actions.
    private const string Ecs = """
        {
          "Name": "ecs",
          "Actions": [
            {
              "Name": "StopTask",
              "ActionConditionKeys": ["ecs:cluster", "aws:ResourceTag/${TagKey}"],
              "Annotations": { "Properties": { "IsList": false, "IsPermissionManagement": false, "IsTaggingOnly": false, "IsWrite": true } },
              "Resources": [ { "Name": "task" } ]
            },
            {
              "Name": "ListClusters",
              "Annotations": { "Properties": { "IsList": true, "IsPermissionManagement": false, "IsTaggingOnly": false, "IsWrite": false } }
            }
          ],
          "ConditionKeys": [ { "Name": "ecs:cluster", "Types": ["ARN"] } ],
          "Resources": [ { "Name": "task", "ARNFormats": ["arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/${TaskId}"] } ],
          "Version": "v1.3"
        }
        """;

    [Fact]
    public async Task UpdateCatalog_LoopbackServiceReference_WritesACacheThatScansPrefer()
    {
        using var tree = new TempTree();
        var cache = tree.PathOf("cache/iam-catalog.tsv.gz");
        var (prefix, served) = StartServer(new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = Index, ["/v1/ecs/ecs.json"] = Ecs });
        using (served)
        {
            var (code, _, stderr) = await CliRunner.RunAsync("iam", "update-catalog", "--source", prefix, "--cache", cache);

            Assert.True(code == 0, stderr);
            Assert.Contains("1 services, 2 actions", stderr, StringComparison.Ordinal);
        }

        var catalog = IamCatalogCache.LoadPreferred(cache);
        Assert.Equal($"aws-service-reference {prefix}", catalog.Source);
        var stop = catalog.Find("ecs:stoptask");
        Assert.NotNull(stop);
        Assert.Equal(AccessLevel.Write, stop.AccessLevel);
        Assert.Equal(["task"], stop.Resources.Select(r => r.ResourceType).ToArray());
        Assert.True(stop.HasConditionKey("ecs:cluster"));
        Assert.Equal(AccessLevel.List, catalog.Find("ecs:ListClusters")?.AccessLevel);
        Assert.Equal("arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/${TaskId}", catalog.ArnFormat("ecs", "task"));
    }

    [Fact]
    public async Task UpdateCatalog_ServerMissingService_FailsAndKeepsNoCache()
    {
        using var tree = new TempTree();
        var cache = tree.PathOf("iam-catalog.tsv.gz");
        var (prefix, served) = StartServer(new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = Index });
        using (served)
        {
            var (code, _, stderr) = await CliRunner.RunAsync("iam", "update-catalog", "--source", prefix, "--cache", cache);

            Assert.Equal(3, code);
            Assert.Contains("could not update the IAM catalogue", stderr, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(cache));
    }

    [Fact]
    public async Task UpdateCatalog_NotAUrl_ExitsWithUsageError()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("iam", "update-catalog", "--source", "file:///etc/passwd");

        Assert.Equal(2, code);
        Assert.Contains("not an http or https URL", stderr, StringComparison.Ordinal);
    }

    // Serves fixed documents on 127.0.0.1 until disposed; unknown paths get 404.
    private static (string Prefix, IDisposable Server) StartServer(IReadOnlyDictionary<string, string> documents)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var prefix = $"http://127.0.0.1:{port}/";
        var listener = new HttpListener();
        listener.Prefixes.Add(prefix);
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var found = documents.TryGetValue(context.Request.Url!.AbsolutePath, out var body);
                context.Response.StatusCode = found ? 200 : 404;
                var bytes = Encoding.UTF8.GetBytes(body ?? "not found");
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
        return (prefix, listener);
    }
}
