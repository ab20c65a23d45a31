using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Tests.Support;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>Every log of ../shared/data/mlperf-logs-historic (v1.0 under 1.0.0, v2.1 under 2.1.0) gets the upstream verdict.</summary>
public class HistoricLogTests
{
    [SharedDataTheory("data", "mlperf-logs-historic", "expected.json")]
    [MemberData(nameof(Expected.HistoricRealLogs), MemberType = typeof(Expected))]
    public void HistoricLog_GetsUpstreamVerdict(string relativePath)
    {
        var (ruleset, verdict) = Expected.HistoricRealLog(relativePath);
        var report = ComplianceChecker.Check(Path.Combine(MlperfLogData.HistoricRoot, relativePath), ruleset);
        UpstreamAssert.Matches(verdict, report);
    }
}
