using System.Text;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Reading;
using MLPerfDotnet.Compliance.Tests.Support;

namespace MLPerfDotnet.Compliance.Tests.Reading;

/// <summary>
/// The cap on a line's length (docs/compliance.md, "Reader"): a longer MLLOG line is a parse error naming its line and
/// size, never held or echoed whole; a longer plain line is a notice; memory stays bounded whatever the file holds.
/// Most tests lower the cap to a few hundred bytes; one streams a line of more than 1 GiB through the default cap.
/// </summary>
public class LineCapTests
{
    private const int Cap = 600;

    private static ComplianceReport Check(Stream stream, int cap = Cap) =>
        ComplianceChecker.ForRuleset("4.0.0").Check(MlLogReader.ForStream(stream, cap), "test.txt");

    private static ComplianceReport Check(IEnumerable<string> lines, int chunk, int cap = Cap) =>
        Check(new ChunkedStream(Encoding.Latin1.GetBytes(string.Join("\n", lines) + "\n"), chunk), cap);

    // The synthetic log with `line` inserted after its third line (physical line 4).
    private static List<string> WithLine(string line)
    {
        var lines = SyntheticLog.Lines().ToList();
        lines.Insert(3, line);
        return lines;
    }

    private static string BigMllogLine(int valueLength) =>
        $":::MLLOG {{\"namespace\": \"\", \"time_ms\": 1, \"event_type\": \"POINT_IN_TIME\", \"key\": \"note\", \"value\": \"{new string('v', valueLength)}\", \"metadata\": {{\"file\": \"a.py\", \"lineno\": 1}}}}";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void MllogLineOverTheCap_IsAParseErrorNamingLineAndSize_NotEchoed(int chunk)
    {
        string big = BigMllogLine(5000);
        var report = Check(WithLine(big), chunk);
        Assert.False(report.Pass);
        var error = Assert.Single(report.ParseErrors);
        Assert.Equal(4, error.PhysicalLine);
        Assert.Equal(3, error.MllogIndex);
        Assert.StartsWith($"the line is {big.Length} bytes long, over the 1 MiB a log line may have", error.Message, StringComparison.Ordinal);
        Assert.True(error.LineText!.Length < 200, error.LineText);
        Assert.StartsWith(":::MLLOG {\"namespace\"", error.LineText, StringComparison.Ordinal);
        Assert.Equal(SyntheticLog.Lines().Count, report.RecordsParsed); // every other line still read, numbering intact
        Assert.Equal(SyntheticLog.Lines().Count + 1, report.MllogLines);
        Assert.DoesNotContain(report.Findings, f => f.Message.Contains(new string('v', Cap), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void PlainLineOverTheCap_IsANotice_AndTheLogPasses(int chunk)
    {
        var report = Check(WithLine(new string('#', 3000)), chunk);
        report.Passes();
        var notice = Assert.Single(report.Notices);
        Assert.Equal(4, notice.PhysicalLine);
        Assert.Contains("line 4: 3000 bytes", notice.Message, StringComparison.Ordinal);
        Assert.Equal(SyntheticLog.Lines().Count, report.MllogLines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void TokenFarIntoAnOverlongLine_IsFound_EvenAcrossReads(int chunk)
    {
        var report = Check(WithLine(new string('#', 2003) + BigMllogLine(10)), chunk);
        Assert.Equal(4, Assert.Single(report.ParseErrors).PhysicalLine);
    }

    [Fact]
    public void LineOfExactlyTheCap_IsRead_AndOneByteMoreIsNot()
    {
        string big = BigMllogLine(1000);
        Check(WithLine(big), 4096, cap: big.Length).Passes();
        Assert.Single(Check(WithLine(big), 4096, cap: big.Length - 1).ParseErrors);
        Assert.Single(Check(WithLine(big + "\r"), 4096, cap: big.Length).Notices); // CRLF notice only: the CR is no part of the line
    }

    [Fact]
    public void OverlongLastLineWithoutNewline_IsCounted()
    {
        var bytes = Encoding.Latin1.GetBytes(SyntheticLog.Text() + new string('#', 2000));
        var report = Check(new ChunkedStream(bytes, 7));
        report.Passes();
        Assert.Equal(2, report.Notices.Count); // the overlong line and the missing final newline
        Assert.All(report.Notices, n => Assert.Equal(SyntheticLog.Lines().Count + 1, n.PhysicalLine));
    }

    [Fact]
    public void LineOfMoreThanAGibibyte_AtTheDefaultCap_IsOneParseError_InBoundedMemory()
    {
        // before the cap, such a line grew the buffer past the largest array (AggregateException 'newSize')
        var head = Encoding.Latin1.GetBytes(SyntheticLog.Text() + ":::MLLOG {\"key\": \"note\", \"value\": \"");
        var tail = Encoding.Latin1.GetBytes("\"}\n");
        long filler = (1L << 30) + 12345;
        long before = GC.GetAllocatedBytesForCurrentThread();
        var report = Check(new RepeatedByteStream(head, (byte)'x', filler, tail), Latin1StreamLineSource.DefaultMaxLineBytes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var error = Assert.Single(report.ParseErrors);
        Assert.Equal(SyntheticLog.Lines().Count + 1, error.PhysicalLine);
        Assert.Contains($"the line is {filler + ":::MLLOG {\"key\": \"note\", \"value\": \"\"}".Length} bytes long", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 8L << 20, $"{allocated} bytes allocated reading the log"); // the buffer stays at 2 MiB at most
    }
}
