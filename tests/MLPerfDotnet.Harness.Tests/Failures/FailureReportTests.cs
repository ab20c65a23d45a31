using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Files;
using MLPerfDotnet.Harness.Running;
using MLPerfDotnet.Harness.Systems;

namespace MLPerfDotnet.Harness.Tests.Failures;

public sealed class FailureReportTests
{
    [Fact]
    public void KnownFailures_MapToTheirDocumentedCodes_AndDefectsToInternal()
    {
        Assert.Equal(ExitCode.BadInput, FailureReport.CodeOf(new SystemConfigException("a.json", "bad")));
        Assert.Equal(ExitCode.BadInput, FailureReport.CodeOf(new InvalidDataException("x")));
        Assert.Equal(ExitCode.IoError, FailureReport.CodeOf(new IOException("No space left on device : '/x'")));
        Assert.Equal(ExitCode.Busy, FailureReport.CodeOf(new AggregateException(new MlperfException(ExitCode.Busy, "lock"))));
        Assert.Equal(ExitCode.Internal, FailureReport.CodeOf(new NullReferenceException()));
        Assert.StartsWith("internal error: NullReferenceException:", FailureReport.LineOf(new NullReferenceException()), StringComparison.Ordinal);
        Assert.Equal("error: a.json: bad", FailureReport.LineOf(new SystemConfigException("a.json", "bad")));
    }

    [Fact]
    public void TheLine_IsOneLine_AndNeverPrintsAHugeInputBack()
    {
        string line = FailureReport.LineOf(new InvalidDataException("first\nsecond " + new string('x', 50_000_000)));
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("error: first second xxx", line, StringComparison.Ordinal);
        Assert.True(line.Length < 500, $"{line.Length} characters");
    }

    [Fact]
    public void AtomicFile_ThatFailsToWrite_LeavesNeitherTheFileNorItsTemporary()
    {
        string dir = Directory.CreateTempSubdirectory("mlperf-atomic-").FullName;
        try
        {
            string path = Path.Combine(dir, "seeds.json");
            Assert.Throws<IOException>(() => AtomicFile.Write(path, temp =>
            {
                File.WriteAllText(temp, "half");
                throw new IOException("No space left on device");
            }));
            using (var file = AtomicFile.Create(Path.Combine(dir, "b.npy")))
                file.Stream.WriteByte(1); // never committed
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ResultFile_WithARun_IsRefused_AndAnUnclosedOneIsClosedAbortedOnANewLine()
    {
        string dir = Directory.CreateTempSubdirectory("mlperf-guard-").FullName;
        try
        {
            const string Init = """:::MLLOG {"namespace": "", "time_ms": 1, "event_type": "INTERVAL_START", "key": "init_start", "value": null, "metadata": {"file": "a.py", "lineno": 1}}""";
            const string Stop = """:::MLLOG {"namespace": "", "time_ms": 2, "event_type": "INTERVAL_END", "key": "run_stop", "value": null, "metadata": {"file": "a.py", "lineno": 2, "status": "success"}}""";
            string closed = Path.Combine(dir, "closed.txt"), cut = Path.Combine(dir, "cut.txt");
            File.WriteAllText(closed, Init + "\n" + Stop + "\n");
            File.WriteAllText(cut, Init + "\n:::MLLOG {\"namesp");
            byte[] before = File.ReadAllBytes(closed);

            Assert.Equal(ExitCode.Refused, Assert.Throws<MlperfException>(() => ResultFileGuard.EnsureHoldsNoRun(closed)).Code);
            Assert.Equal(ExitCode.Refused, Assert.Throws<MlperfException>(() => ResultFileGuard.EnsureHoldsNoRun(cut)).Code);
            ResultFileGuard.EnsureHoldsNoRun(Path.Combine(dir, "new.txt"));
            Assert.False(ResultFileGuard.CloseAborted(closed, "x.cs"));
            Assert.True(ResultFileGuard.CloseAborted(cut, "x.cs"));

            Assert.Equal(before, File.ReadAllBytes(closed));
            string[] lines = File.ReadAllLines(cut);
            Assert.Equal(3, lines.Length);
            Assert.Contains("\"key\": \"run_stop\"", lines[2], StringComparison.Ordinal);
            Assert.Contains("\"status\": \"aborted\"", lines[2], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
