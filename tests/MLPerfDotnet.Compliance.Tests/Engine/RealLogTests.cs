using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Tests.Support;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>Every published unet3d log in ../shared gets the upstream verdict and messages.</summary>
public class RealLogTests
{
    [SharedDataTheory("data", "mlperf-logs", "expected.json")]
    [MemberData(nameof(Expected.RealLogs), MemberType = typeof(Expected))]
    public void RealLog_GetsUpstreamVerdict(string relativePath)
    {
        var (ruleset, verdict) = Expected.RealLog(relativePath);
        var report = ComplianceChecker.Check(Path.Combine(Expected.LogsDir, relativePath), ruleset);
        UpstreamAssert.Matches(verdict, report);
    }
}
