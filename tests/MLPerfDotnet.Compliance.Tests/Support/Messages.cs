using MLPerfDotnet.Compliance.Findings;

namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>Assertions on the upstream-worded messages of a report.</summary>
public static class Messages
{
    public static IReadOnlyList<string> ErrorLines(this ComplianceReport report) => [.. report.Errors.Select(f => f.FirstLine)];

    public static IReadOnlyList<string> WarningLines(this ComplianceReport report) => [.. report.Warnings.Select(f => f.FirstLine)];

    /// <summary>The report fails with exactly these error first lines (in order) and no warning.</summary>
    public static void FailsWith(this ComplianceReport report, params string[] firstLines)
    {
        Assert.Equal(firstLines, report.ErrorLines());
        Assert.False(report.Pass);
    }

    public static void Passes(this ComplianceReport report)
    {
        Assert.Empty(report.Errors);
        Assert.True(report.Pass);
    }

    /// <summary>The single error message, whose "failed test:" line must quote <paramref name="test"/>.</summary>
    public static Finding FailsTest(this ComplianceReport report, string key, string test)
    {
        var error = Assert.Single(report.Errors);
        Assert.Equal(key, error.Key);
        Assert.StartsWith($"CHECK for '{key}' failed in line ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\nfailed test: {test}\n", error.Message, StringComparison.Ordinal);
        return error;
    }

    public static Finding RaisesIn(this ComplianceReport report, string key, string test)
    {
        var error = Assert.Single(report.Errors);
        Assert.Equal(key, error.Key);
        Assert.StartsWith($"Failed executing CHECK code:\n{test}\ntriggered by line:\n", error.Message, StringComparison.Ordinal);
        return error;
    }
}
