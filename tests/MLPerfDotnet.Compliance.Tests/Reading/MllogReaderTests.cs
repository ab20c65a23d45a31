using System.Text;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Reading;
using MLPerfDotnet.Compliance.Tests.Support;

namespace MLPerfDotnet.Compliance.Tests.Reading;

/// <summary>Line splitting, token handling, numbering and odd files, on a synthetic compliant log.</summary>
public class MllogReaderTests
{
    private static ComplianceReport CheckBytes(byte[] bytes, int chunk = int.MaxValue) =>
        ComplianceChecker.ForRuleset("4.0.0").Check(MlLogReader.ForStream(new ChunkedStream(bytes, chunk)), "test.txt");

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    public void SyntheticLog_Passes() => ComplianceChecker.Check(SyntheticLog.Lines()).Passes();

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void AnyLineEnding_Passes_WithTheSameLineCount(string newline)
    {
        var report = CheckBytes(Latin1(SyntheticLog.Text(newline: newline)));
        report.Passes();
        Assert.Equal(SyntheticLog.Lines().Count, report.RecordsParsed);
        Assert.Equal(newline == "\n" ? 0 : 1, report.Notices.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void CrLfSplitAcrossReads_IsOneLineEnding(int chunk)
    {
        var report = CheckBytes(Latin1(SyntheticLog.Text(newline: "\r\n")), chunk);
        report.Passes();
        Assert.Equal("CRLF line endings; accepted like upstream", Assert.Single(report.Notices).Message);
    }

    [Fact]
    public void LineLongerThanTheBuffer_IsRead()
    {
        var lines = SyntheticLog.Lines().ToList();
        lines.Insert(0, "noise " + new string('x', 200_000));
        lines[1] = new string('y', 100_000) + lines[1];
        CheckBytes(Latin1(string.Join("\n", lines) + "\n")).Passes();
    }

    [Fact]
    public void TextBeforeTheLastToken_IsDropped_AndOtherLinesIgnored()
    {
        var lines = SyntheticLog.Lines().Select((l, i) => i % 2 == 0 ? "[1,0]<stdout>: :::MLLOG junk " + l : l).ToList();
        lines.Insert(3, ":::SYSJSON {\"a\": 1}");
        lines.Insert(4, ":::MLLOG{no space after the token}");
        lines.Insert(5, "");
        var report = ComplianceChecker.Check(lines);
        report.Passes();
        Assert.Equal(SyntheticLog.Lines().Count, report.MllogLines);
    }

    [Fact]
    public void Numbering_MllogIndexCountsTokenLinesAndPhysicalLineCountsAll()
    {
        var lines = SyntheticLog.Lines().ToList();
        int i = lines.FindIndex(l => l.Contains("\"key\": \"train_samples\"", StringComparison.Ordinal));
        lines[i] = lines[i].Replace("\"value\": 168", "\"value\": 1", StringComparison.Ordinal);
        lines.InsertRange(0, ["plain text", "more text", "[1,0]<stdout>: hello"]);
        var error = Assert.Single(ComplianceChecker.Check(lines).Errors);
        Assert.Equal(i, error.MllogIndex);
        Assert.Equal(i + 4, error.PhysicalLine);
        Assert.Equal($"CHECK for 'train_samples' failed in line {i}:", error.FirstLine);
    }

    [Fact]
    public void Bom_IsANoticeAndTheLogPasses()
    {
        var report = CheckBytes([0xEF, 0xBB, 0xBF, .. Latin1(SyntheticLog.Text())]);
        report.Passes();
        Assert.Equal(1, Assert.Single(report.Notices).PhysicalLine);
    }

    [Fact]
    public void NonAsciiBytes_AreReadAsLatin1()
    {
        string text = SyntheticLog.Text().Replace("\"cpu\"", "\"cpu\u00e9\u00ff\"", StringComparison.Ordinal) + "\u00e9\u00ff\u0080 not mllog\n";
        CheckBytes(Latin1(text)).Passes();
    }

    [Fact]
    public void TruncatedLastLine_IsAParseErrorWithFileLine()
    {
        string text = SyntheticLog.Text();
        var report = CheckBytes(Latin1(text[..^40]));
        Assert.Equal("Log lines had parsing errors.", report.ErrorLines()[^1]);
        var parse = Assert.Single(report.ParseErrors);
        Assert.Equal(SyntheticLog.Lines().Count, parse.PhysicalLine);
        Assert.StartsWith("Unterminated string starting at: line 1 column", parse.Message, StringComparison.Ordinal);
        Assert.Contains(report.Notices, n => n.Message.StartsWith("no newline at the end of the file", StringComparison.Ordinal));
        Assert.Contains($"test.txt:{parse.PhysicalLine}: error: Unterminated", parse.Describe("test.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_FailsWithNoLogLines()
    {
        var report = CheckBytes([]);
        Assert.Contains("No log lines detected", report.ErrorLines());
        Assert.Equal("empty file: no lines at all", Assert.Single(report.Notices).Message);
    }

    [Theory]
    [InlineData("\"time_ms\": 1714043552007, ", "", "missing field 'time_ms' (upstream stops with KeyError: 'time_ms')")]
    [InlineData("\"key\": \"seed\", ", "", "missing field 'key' (upstream stops with KeyError: 'key')")]
    [InlineData("\"value\": 1, ", "", "missing field 'value' (upstream stops with KeyError: 'value')")]
    [InlineData(", \"metadata\": {\"file\": \"main.py\", \"lineno\": 1}", "", "missing field 'metadata' (upstream stops with KeyError: 'metadata')")]
    [InlineData("\"time_ms\": 1714043552007", "\"time_ms\": null", "time_ms is a NoneType (upstream stops with TypeError: float() argument must be a string or a real number, not 'NoneType')")]
    [InlineData("\"time_ms\": 1714043552007", "\"time_ms\": \"12:00\"", "could not convert string to float: '12:00'")]
    public void BrokenSeedLine_IsAParseErrorNamingTheProblem(string find, string replace, string message)
    {
        var lines = SyntheticLog.Lines().ToList();
        int seed = lines.FindIndex(l => l.Contains("\"key\": \"seed\"", StringComparison.Ordinal));
        lines[seed] = lines[seed].Replace(find, replace, StringComparison.Ordinal);
        var report = ComplianceChecker.Check(lines);
        Assert.False(report.Pass);
        var parse = Assert.Single(report.ParseErrors);
        Assert.Equal(message, parse.Message);
        Assert.Equal(seed + 1, parse.PhysicalLine);
    }

    [Theory]
    [InlineData(":::MLLOG [1, 2]", "the MLLOG payload is a JSON list, not an object (upstream stops with TypeError)")]
    [InlineData(":::MLLOG ", "does not match regex")]
    [InlineData(":::MLLOG {\"a\": 1} x", "Extra data: line 1 column 10 (char 9)")]
    public void OddPayload_IsAParseError(string line, string message) =>
        Assert.Equal(message, Assert.Single(ComplianceChecker.Check([.. SyntheticLog.Lines(), line]).ParseErrors).Message);

    [Fact]
    public void DeeplyNestedJson_IsAParseErrorNotAStackOverflow()
    {
        string deep = ":::MLLOG " + new string('[', 100_000) + new string(']', 100_000);
        Assert.Contains("nested deeper", Assert.Single(ComplianceChecker.Check([deep]).ParseErrors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeMsAsDigitString_IsAccepted() =>
        ComplianceChecker.Check(SyntheticLog.Lines().Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"time_ms\": (\\d+)", "\"time_ms\": \"$1\""))).Passes();
    [Fact]
    public void InvalidUtf8InAValue_IsANoticeNamingTheLine_AndTheVerdictIsUnchanged()
    {
        // upstream opens the log as latin-1, so such bytes never change its verdict; here they are named
        var lines = SyntheticLog.Lines().ToList();
        int org = lines.FindIndex(l => l.Contains("\"submission_org\"", StringComparison.Ordinal));
        var bytes = new List<byte>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = Latin1(lines[i]);
            if (i == org) line = Latin1(lines[i].Replace("MLPerfDotnet", "MLPerf\u00ffDotnet", StringComparison.Ordinal)); // a lone 0xFF
            bytes.AddRange(i == 0 ? [.. Latin1("plain \u00ff text\n"), .. line] : line); // a bad byte outside MLLOG is not counted
            bytes.Add((byte)'\n');
        }
        var report = CheckBytes([.. bytes], chunk: 7);
        report.Passes();
        var notice = Assert.Single(report.Notices);
        Assert.Equal(org + 2, notice.PhysicalLine);
        Assert.StartsWith($"invalid UTF-8 in 1 MLLOG line(s) (line {org + 2}); read as latin-1 like upstream", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidUtf8InAValue_GivesNoNotice()
    {
        var text = SyntheticLog.Text().Replace("MLPerfDotnet", "MLPerf\u00e9Dotnet\u4e2d", StringComparison.Ordinal);
        Assert.Empty(CheckBytes(Encoding.UTF8.GetBytes(text)).Notices);
    }

    [Fact]
    public void InvalidUtf8OnManyLines_NamesTheFirstTen_AndCountsAll()
    {
        var text = SyntheticLog.Text().Replace("\"metadata\": {", "\"metadata\": {\"x\": \"\u00e9\", ", StringComparison.Ordinal);
        var report = CheckBytes(Latin1(text));
        report.Passes();
        int count = SyntheticLog.Lines().Count;
        Assert.Contains($"invalid UTF-8 in {count} MLLOG line(s) (line 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... {count - 10} more)", Assert.Single(report.Notices).Message, StringComparison.Ordinal);
    }
}
