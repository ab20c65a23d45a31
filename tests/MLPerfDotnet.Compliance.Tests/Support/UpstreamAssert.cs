using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>Compares a report with one upstream verdict record of expected.json.</summary>
public static class UpstreamAssert
{
    public static void Matches(JsonObject verdict, ComplianceReport report)
    {
        Assert.Equal((bool)verdict["pass"]!, report.Pass);
        Assert.Equal(Expected.Strings(verdict["configs_loaded"]), report.ConfigsLoaded);
        AssertSameMessages(Expected.Strings(verdict["errors"]), report.Errors.Select(f => f.Message));
        AssertSameMessages(Expected.Strings(verdict["error_first_lines"]), report.Errors.Select(f => f.FirstLine));
        AssertSameMessages(Expected.Strings(verdict["warnings"]), report.Warnings.Select(f => f.Message));
        AssertSameMessages(Expected.Strings(verdict["warning_first_lines"]), report.Warnings.Select(f => f.FirstLine));
        Assert.Equal((long)verdict["mllog_lines_parsed"]!, report.RecordsParsed);
        var parseErrors = (List<object?>)verdict["parse_errors"]!;
        Assert.Equal(
            parseErrors.Cast<JsonObject>().Select(p => ((string)p["line"]!, (string)p["error"]!)),
            report.ParseErrors.Select(p => (p.LineText!, p.Message)));
    }

    public static void AssertSameMessages(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var (expectedOrdered, expectedSets) = MessageNormalizer.Split(expected);
        var (actualOrdered, actualSets) = MessageNormalizer.Split(actual);
        Assert.Equal(expectedOrdered, actualOrdered);
        Assert.Equal(expectedSets.Order(StringComparer.Ordinal), actualSets.Order(StringComparer.Ordinal));
    }
}
