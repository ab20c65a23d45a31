using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Package;
using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Compliance.Tests.Package;

/// <summary>
/// The facts gathered in the per-log rule pass (one parse per line, shared) equal what the seed checker and the RCP
/// reader get by reading the file on their own, on every broken log and a real system's logs.
/// </summary>
public class RunLogFactsTests
{
    public static IEnumerable<object[]> Logs() =>
        SharedData.PathOf("data", "mlperf-logs", "mutations") is null
            ? [["(no shared data)"]]
            : Directory.EnumerateFiles(Path.Combine(Root, "mutations"), "*.txt")
                .Concat(Directory.EnumerateFiles(Path.Combine(Root, "v4.0", "Dell", "results"), "result_*.txt", SearchOption.AllDirectories).Take(10))
                .Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetRelativePath(Root, f) });

    [SharedDataTheory("data", "mlperf-logs", "mutations")]
    [MemberData(nameof(Logs))]
    public void SharedPass_EqualsReadingTheFileAgain(string log)
    {
        string path = Path.Combine(Root, log);
        var facts = new RunLogFacts();
        var cache = new RunLogFactsCache();
        ComplianceChecker.ForRuleset("4.0.0").CheckFile(path, facts.Accept);
        cache.Add(path, facts);

        var seeds = SeedReader.ReadFile(path);
        var shared = cache.Seeds(path);
        Assert.Equal(seeds.Problem, shared.Problem);
        Assert.Equal(seeds.Seeds, shared.Seeds);

        var rcp = RcpRunReader.Read(path);
        var sharedRcp = cache.Rcp(path);
        Assert.Equal((rcp.File, rcp.Converged, rcp.EpochsToConverge, rcp.BatchSize, rcp.Benchmark), (sharedRcp.File, sharedRcp.Converged, sharedRcp.EpochsToConverge, sharedRcp.BatchSize, sharedRcp.Benchmark));
        Assert.Equal(rcp.Notes, sharedRcp.Notes);
    }

    [Fact]
    public void AFileNotHeld_IsReadWhenAskedFor()
    {
        string path = Path.Combine(Path.GetTempPath(), $"facts-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, ":::MLLOG {\"namespace\": \"\", \"time_ms\": 1, \"event_type\": \"POINT_IN_TIME\", \"key\": \"seed\", \"value\": 9, \"metadata\": {\"file\": \"t.py\", \"lineno\": 4}}\n");
        try
        {
            var cache = new RunLogFactsCache();
            Assert.Equal([("t.py", "4", 9L)], cache.Seeds(path).Seeds);
            Assert.Contains($"{path}: no run_stop, the run counts as not converged", cache.Rcp(path).Notes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnOverlongMllogLine_IsASeedParsingErrorAndAnRcpNote()
    {
        string path = Path.Combine(Path.GetTempPath(), $"facts-long-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, ":::MLLOG {\"key\": \"seed\", \"pad\": \"" + new string('x', 1 << 21) + "\"}\n");
        try
        {
            Assert.Contains("bytes long, over the 1 MiB", SeedReader.ReadFile(path).Problem, StringComparison.Ordinal);
            Assert.Contains(RcpRunReader.Read(path).Notes, n => n.StartsWith($"{path}:1: MLLOG line skipped: the line is", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
