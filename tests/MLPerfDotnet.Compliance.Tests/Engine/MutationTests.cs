using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Tests.Support;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>The 34 broken copies of a real log in ../shared get the upstream verdict and messages.</summary>
public class MutationTests
{
    [SharedDataTheory("data", "mlperf-logs", "mutations", "expected.json")]
    [MemberData(nameof(Expected.Mutations), MemberType = typeof(Expected))]
    public void Mutation_GetsUpstreamVerdict(string name)
    {
        var verdict = Expected.Mutation(name);
        var report = ComplianceChecker.Check(Path.Combine(Expected.LogsDir, "mutations", name + ".txt"), "4.0.0");
        if (verdict["crash"] is string crash)
        {
            // Upstream stops with an exception here; this checker fails the log with a finding naming the line.
            Assert.False(report.Pass);
            Assert.Contains(report.Findings, f => f.Severity == Severity.Error && f.PhysicalLine is not null
                && f.Message.Contains(crash.Split(':')[0], StringComparison.Ordinal));
            return;
        }
        UpstreamAssert.Matches(verdict, report);
    }
}
