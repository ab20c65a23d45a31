using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Package;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Findings;

/// <summary>The one finding type that every checker reports with.</summary>
public class FindingTests
{
    [Theory]
    [InlineData(Severity.Error, "ERROR - 3 files do not comply, directory cannot be accepted")]
    [InlineData(Severity.Warning, "WARNING - 3 files do not comply, directory cannot be accepted")]
    [InlineData(Severity.Info, "INFO - 3 files do not comply, directory cannot be accepted")]
    public void LevelLine_IsUpstreamsLoggingFormat(Severity severity, string line) =>
        Assert.Equal(line, Finding.Of(severity, FindingKind.Package, "3 files do not comply, directory cannot be accepted").LevelLine);

    [Fact]
    public void Of_IsAboutNoLine() =>
        Assert.Equal(new Finding(Severity.Error, FindingKind.SystemDescription, "cooling", null, null, "Missing field cooling"),
            Finding.Of(Severity.Error, FindingKind.SystemDescription, "Missing field cooling", "cooling"));

    [Fact]
    public void PackageChecker_ReportsPackageFindings_AndFailsOnAnErrorOnly()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "systems"));
        var report = PackageChecker.Check(temp.Path, new PackageCheckOptions { Ruleset = "4.0.0" });
        Assert.All(report.Messages, m => Assert.Equal(FindingKind.Package, m.Kind));
        Assert.Equal("INFO - Checking System Description Files", report.Messages[0].LevelLine);
        Assert.False(report.Pass);
        Assert.Contains(report.Messages, m => m.Severity == Severity.Error);
    }
}
