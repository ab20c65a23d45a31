using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Tests.Support;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>
/// The real logs and broken copies committed under Fixtures/real-logs get the upstream verdict and messages, so a
/// clone without ../shared still tests the engine on real logs.
/// </summary>
public class CommittedLogTests
{
    [Theory]
    [MemberData(nameof(CommittedLogs.LogPaths), MemberType = typeof(CommittedLogs))]
    public void CommittedRealLog_GetsUpstreamVerdict(string relativePath)
    {
        var verdict = (JsonObject)CommittedLogs.Logs[relativePath]!;
        var report = ComplianceChecker.Check(Path.Combine(CommittedLogs.Dir, relativePath), (string)verdict["ruleset"]!);
        UpstreamAssert.Matches(verdict, report);
    }

    [Theory]
    [MemberData(nameof(CommittedLogs.MutationNames), MemberType = typeof(CommittedLogs))]
    public void CommittedMutation_GetsUpstreamVerdict(string name)
    {
        var verdict = (JsonObject)CommittedLogs.Mutations[name]!;
        var report = ComplianceChecker.Check(CommittedLogs.MutationPath(name), (string)verdict["ruleset"]!);
        UpstreamAssert.Matches(verdict, report);
    }

    [Fact]
    public void Fixtures_AreReadFromTheTestOutputFolder_NotFromShared()
    {
        string outputDir = Path.GetFullPath(AppContext.BaseDirectory);
        Assert.StartsWith(outputDir, Path.GetFullPath(CommittedLogs.Dir), StringComparison.Ordinal);
        if (SharedData.Root is { } shared)
            Assert.False(Path.GetFullPath(CommittedLogs.Dir).StartsWith(Path.GetFullPath(shared), StringComparison.Ordinal));

        Assert.Equal(3, CommittedLogs.Logs.Count);
        Assert.Equal(3, CommittedLogs.Mutations.Count);
        foreach (var (path, _) in CommittedLogs.Logs) Assert.True(File.Exists(Path.Combine(CommittedLogs.Dir, path)), path);
        foreach (var (name, _) in CommittedLogs.Mutations) Assert.True(File.Exists(CommittedLogs.MutationPath(name)), name);
    }

    [Fact]
    public void Fixtures_CoverPassFailAndWarningVerdicts()
    {
        var all = CommittedLogs.Logs.Concat(CommittedLogs.Mutations).Select(v => (JsonObject)v.Value!).ToList();
        Assert.Contains(all, v => (bool)v["pass"]! && Expected.Strings(v["warnings"]).Count == 0);
        Assert.Contains(all, v => (bool)v["pass"]! && Expected.Strings(v["warnings"]).Count > 0);
        Assert.Contains(all, v => !(bool)v["pass"]! && Expected.Strings(v["errors"]).Count > 0);
        Assert.Equal(["3.1.0", "4.0.0"], all.Select(v => (string)v["ruleset"]!).Distinct().Order(StringComparer.Ordinal));
    }

    [SharedDataFact("data", "mlperf-logs", "mutations", "expected.json")]
    public void Fixtures_AreExactCopiesOfShared()
    {
        foreach (var (path, value) in CommittedLogs.Logs)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Expected.LogsDir, path)), File.ReadAllBytes(Path.Combine(CommittedLogs.Dir, path)));
            var (ruleset, upstream) = Expected.RealLog(path);
            AssertSameRecord(upstream, ruleset, (JsonObject)value!);
        }
        foreach (var (name, value) in CommittedLogs.Mutations)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Expected.LogsDir, "mutations", name + ".txt")), File.ReadAllBytes(CommittedLogs.MutationPath(name)));
            AssertSameRecord(Expected.Mutation(name), (string)Expected.MutationRoot["ruleset"]!, (JsonObject)value!);
        }
    }

    private static void AssertSameRecord(JsonObject upstream, string ruleset, JsonObject committed)
    {
        Assert.Equal(ruleset, (string)committed["ruleset"]!);
        foreach (var (field, value) in committed)
            if (field != "ruleset") Assert.Equal(PythonJson.Serialize(upstream[field]), PythonJson.Serialize(value));
    }
}
