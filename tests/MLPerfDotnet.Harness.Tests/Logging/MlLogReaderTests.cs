using System.Text;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Harness.Tests.Logging;

/// <summary>The one MLLOG reader: token lines, both readings of a line, and the parse they share.</summary>
public sealed class MlLogReaderTests
{
    private const string Good = ":::MLLOG {\"namespace\": \"\", \"time_ms\": 5, \"event_type\": \"POINT_IN_TIME\", \"key\": \"seed\", \"value\": 7, \"metadata\": {\"file\": \"a.py\", \"lineno\": 3}}";

    [Fact]
    public void Lines_NumbersTokenLinesAndKeepsPhysicalLines()
    {
        var lines = MlLogReader.ForLines(["noise", "[1,0]<stdout>: " + Good, "more noise", Good]).Lines().ToList();
        Assert.Equal([(0, 2), (1, 4)], lines.Select(l => (l.Index, l.PhysicalLine)));
        Assert.All(lines, l => Assert.StartsWith("{\"namespace\"", l.AfterToken, StringComparison.Ordinal));
    }

    [Fact]
    public void BothReadings_AgreeOnAGoodLine()
    {
        var line = MlLogReader.ForLines([Good]).Lines().Single();
        Assert.True(line.TryParseStrict(out var e, out _));
        var record = line.Upstream.Record!;
        Assert.Equal((MlLogKeys.Seed, 7L, 5.0), (e!.Key, (long)e.Value!, (double)e.TimeMs));
        Assert.Equal((MlLogKeys.Seed, (object?)7L, 5.0), (record.Key, record.Value, record.Timestamp));
    }

    [Theory]
    [InlineData("{\"time_ms\": 1, \"key\": \"k\", \"value\": 1}", "missing field 'metadata'", "missing field 'metadata' (upstream stops with KeyError: 'metadata')")]
    [InlineData("{\"time_ms\": true, \"key\": \"k\", \"value\": 1, \"metadata\": {}}", "field 'time_ms' is not a number", null)]
    [InlineData("{\"time_ms\": 1, \"key\": 3, \"value\": 1, \"metadata\": {}}", "field 'key' is not a string", null)]
    [InlineData("[1]", "the MLLOG payload is not a JSON object", "the MLLOG payload is a JSON list, not an object (upstream stops with TypeError)")]
    [InlineData("{\"time_ms\": 1,", null, "Expecting property name enclosed in double quotes: line 1 column 15 (char 14)")]
    public void StrictAndUpstream_DifferWhereDocumented(string json, string? strictError, string? upstreamError)
    {
        var line = MlLogReader.ForLines([MlLogLine.Token + json]).Lines().Single();
        bool strictOk = line.TryParseStrict(out _, out string? strict);
        Assert.False(strictOk);
        if (strictError is not null) Assert.Equal(strictError, strict);
        Assert.Equal(upstreamError, line.Upstream.Error);
        Assert.Equal(MlLogLine.TryParse(MlLogLine.Token + json, out _, out string? oneLine), strictOk);
        Assert.Equal(oneLine, strict);
    }

    [Fact]
    public void TheJson_IsParsedOnceForBothReadings()
    {
        var line = MlLogReader.ForLines([Good]).Lines().Single();
        Assert.True(line.TryParseJson(line.AfterToken, out object? first, out _));
        _ = line.Upstream;
        Assert.True(line.TryParseStrict(out _, out _));
        Assert.True(line.TryParseJson(line.StrictJson, out object? again, out _));
        Assert.Same(first, again);
    }

    [Fact]
    public void LeadingWhitespace_IsTrimmedOnlyByTheStrictReading()
    {
        var line = MlLogReader.ForLines([MlLogLine.Token + "\u00a0" + Good[MlLogLine.Token.Length..]]).Lines().Single();
        Assert.True(line.TryParseStrict(out _, out _));
        Assert.Null(line.Upstream.Record);
    }

    [Fact]
    public void ReadFile_ReadsLatin1AndEveryLineEnding()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mllog-reader-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllBytes(path, Encoding.Latin1.GetBytes("x\r" + Good + "\r\n\u00e9 " + Good + "\n" + Good));
            var lines = MlLogReader.ReadFile(path).ToList();
            Assert.Equal([2, 3, 4], lines.Select(l => l.PhysicalLine));
            Assert.Equal([MlLogKeys.Seed], MlLogReader.StrictKeys(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
