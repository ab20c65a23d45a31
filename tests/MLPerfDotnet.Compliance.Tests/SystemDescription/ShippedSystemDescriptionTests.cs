using System.Text.Json;
using MLPerfDotnet.Compliance.SystemDescription;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.SystemDescription;

/// <summary>
/// Every system description the product ships passes the system-description checker (the 4.0.0 rules, as the
/// campaign checks before its first run), and each GPU system names as many accelerators per node as its config runs ranks.
/// </summary>
public sealed class ShippedSystemDescriptionTests
{
    private static readonly string SystemsDir = Path.Combine(SharedData.RepoRoot, "systems");

    public static TheoryData<string> Systems => new(Directory.GetFiles(SystemsDir, "*.json")
        .Where(f => !f.EndsWith(".config.json", StringComparison.Ordinal)).Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Systems))]
    public void PassesTheSystemDescriptionChecker(string system)
    {
        var result = SystemDescriptionChecker.Check(Path.Combine(SystemsDir, system + ".json"), "4.0.0");
        Assert.True(result.Valid, result.Line);
        Assert.Empty(result.Problems);
        Assert.Equal(system, result.SystemName);
    }

    [Theory]
    [InlineData("4GPU40GB", 4)]
    [InlineData("8GPU40GB", 8)]
    [InlineData("4GPU80GB", 4)]
    [InlineData("8GPU80GB", 8)]
    public void GpuSystem_NamesItsAcceleratorsPerNode(string system, int gpus)
    {
        using var description = JsonDocument.Parse(File.ReadAllText(Path.Combine(SystemsDir, system + ".json")));
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(SystemsDir, system + ".config.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Assert.Equal(gpus.ToString(System.Globalization.CultureInfo.InvariantCulture), description.RootElement.GetProperty("accelerators_per_node").GetString());
        Assert.Equal(gpus, config.RootElement.GetProperty("ranks").GetInt32());
    }
}
