using Microsoft.Extensions.Time.Testing;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Harness.Tests.Logging;

public sealed class MlLoggerTests
{
    [Fact]
    public void MetadataStartsWithTheCallersFileAndLine()
    {
        var sink = new MemoryMlLogSink();
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_000));
        var log = new MlLogger(sink, time);
        log.Event(MlLogKeys.EvalAccuracy, 0.5, MlLogger.Meta(MlLogKeys.EpochNum, 3)); int expectedLine = LineHere();
        string line = sink.Lines.Single();
        Assert.StartsWith(":::MLLOG {\"namespace\": \"\", \"time_ms\": 1000, \"event_type\": \"POINT_IN_TIME\", \"key\": \"eval_accuracy\", \"value\": 0.5, \"metadata\": {\"file\": \"", line, StringComparison.Ordinal);
        Assert.Contains($"MlLoggerTests.cs\", \"lineno\": {expectedLine}, \"epoch_num\": 3}}}}", line, StringComparison.Ordinal);
    }

    private static int LineHere([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;

    [Fact]
    public void StartEndAndEventUseTheirEventTypes()
    {
        var sink = new MemoryMlLogSink();
        var log = new MlLogger(sink);
        log.Start(MlLogKeys.RunStart);
        log.End(MlLogKeys.RunStop, metadata: MlLogger.Meta(MlLogKeys.Status, "success"));
        log.Event(MlLogKeys.CacheClear, true);
        Assert.Contains("\"event_type\": \"INTERVAL_START\", \"key\": \"run_start\", \"value\": null", sink.Lines[0], StringComparison.Ordinal);
        Assert.Contains("\"event_type\": \"INTERVAL_END\", \"key\": \"run_stop\"", sink.Lines[1], StringComparison.Ordinal);
        Assert.EndsWith("\"status\": \"success\"}}", sink.Lines[1], StringComparison.Ordinal);
        Assert.Contains("\"event_type\": \"POINT_IN_TIME\", \"key\": \"cache_clear\", \"value\": true", sink.Lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyAnEnabledLoggerWritesButEveryRankJoinsTheBarrier()
    {
        int barriers = 0;
        var sink = new MemoryMlLogSink();
        var log = new MlLogger(sink, enabled: false) { Barrier = () => barriers++ };
        log.End(MlLogKeys.InitStop, sync: true);
        log.Event(MlLogKeys.Seed, 1);
        Assert.Empty(sink.Lines);
        Assert.Equal(1, barriers);
    }

    [Fact]
    public void FileSinkAppendsAndNeverTruncates()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mllog-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "earlier line\n");
            using (var sink = FileMlLogSink.Append(path)) new MlLogger(sink).Event(MlLogKeys.Seed, 42);
            var lines = File.ReadAllLines(path);
            Assert.Equal("earlier line", lines[0]);
            Assert.Contains("\"key\": \"seed\", \"value\": 42", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
