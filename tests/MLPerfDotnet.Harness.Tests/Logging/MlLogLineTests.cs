using System.Globalization;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Harness.Tests.Logging;

public sealed class MlLogLineTests
{
    private const string NvidiaLog = "data/mlperf-logs/v4.0/NVIDIA/results/eos_ngc24.04_mxnet/unet3d/result_00.txt";
    private const string HabanaLog = "data/mlperf-logs/v3.0/Intel-HabanaLabs/results/HLS-Gaudi2-PT/unet3d/result_0.txt";

    public static TheoryData<string> RealLogs() => new() { NvidiaLog, HabanaLog };

    [SharedDataTheory("data", "mlperf-logs")]
    [MemberData(nameof(RealLogs))]
    public void EveryRealLineReformatsByteForByte(string relative)
    {
        string? path = SharedData.PathOf(relative.Split('/'));
        if (path is null)
        {
            path = Directory.GetFiles(Path.GetDirectoryName(SharedData.PathOf("data", "mlperf-logs")!)!, "*", SearchOption.AllDirectories)
                .First(p => p.EndsWith(relative.Split('/')[^1], StringComparison.Ordinal));
        }
        int checkedLines = 0;
        foreach (string line in File.ReadLines(path))
        {
            string? json = MlLogLine.ExtractJson(line);
            if (json is null) continue;
            Assert.True(MlLogLine.TryParse(line, out var parsed, out string? error), error);
            Assert.Equal(MlLogLine.Token + json, parsed!.ToLine());
            checkedLines++;
        }
        Assert.True(checkedLines > 100, $"only {checkedLines} MLLOG lines in {path}");
    }

    [SharedDataFact("data", "mlperf-logs", "v4.0")]
    public void LoggerReproducesARealInitStartLine()
    {
        string real = File.ReadLines(SharedData.PathOf(NvidiaLog.Split('/'))!).First(l => l.Contains("\"init_start\"", StringComparison.Ordinal));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1714043552170));
        var sink = new MemoryMlLogSink();
        new MlLogger(sink, time).Start(MlLogKeys.InitStart, file: "/workspace/unet3d/main.py", line: 43);
        Assert.Equal(real, sink.Lines.Single());
    }

    [Fact]
    public void FormatIsTheSameUnderAnyCulture()
    {
        var e = new MlLogEvent("", 1, MlLogEventType.PointInTime, "eval_accuracy", 0.908,
            new JsonObject { ["file"] = "a.cs", ["lineno"] = 3L, ["epoch_num"] = 168000L });
        string invariant = e.ToLine();
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (string name in new[] { "ru-RU", "de-DE", "en-US" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(name);
                Assert.Equal(invariant, e.ToLine());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
        Assert.Equal(
            ":::MLLOG {\"namespace\": \"\", \"time_ms\": 1, \"event_type\": \"POINT_IN_TIME\", \"key\": \"eval_accuracy\", \"value\": 0.908, \"metadata\": {\"file\": \"a.cs\", \"lineno\": 3, \"epoch_num\": 168000}}",
            invariant);
    }

    [Fact]
    public void NonAsciiIsEscapedAsPythonDoes()
    {
        var e = new MlLogEvent("", 0, MlLogEventType.PointInTime, "submission_org", "Zürich \"lab\"\n\u007f",
            new JsonObject { ["file"] = "f", ["lineno"] = 1L });
        Assert.Contains("\"value\": \"Z\\u00fcrich \\\"lab\\\"\\n\\u007f\"", e.ToLine(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("noise [1,0]<stdout>::::MLLOG {\"namespace\": \"\", \"time_ms\": 5, \"event_type\": \"POINT_IN_TIME\", \"key\": \"seed\", \"value\": 7, \"metadata\": {}}", true, null)]
    [InlineData(":::MLLOG {\"namespace\": \"\", \"time_ms\": 5, \"event_type\": \"POINT_IN_TIME\", \"key\": \"seed\", \"value\": 7, \"metad", false, "Unterminated string")]
    [InlineData(":::MLLOG {\"namespace\": \"\", \"event_type\": \"POINT_IN_TIME\", \"key\": \"seed\", \"value\": 7, \"metadata\": {}}", false, "missing field 'time_ms'")]
    [InlineData(":::MLLOG [1, 2]", false, "not a JSON object")]
    [InlineData("plain text", false, "not an MLLOG line")]
    public void ParserToleratesPrefixesAndNamesWhatIsWrong(string line, bool ok, string? errorPart)
    {
        Assert.Equal(ok, MlLogLine.TryParse(line, out var parsed, out string? error));
        if (ok) Assert.Equal(7L, parsed!.Value);
        else Assert.Contains(errorPart!, error, StringComparison.Ordinal);
    }
}
