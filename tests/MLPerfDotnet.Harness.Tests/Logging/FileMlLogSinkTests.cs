using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Harness.Tests.Logging;

/// <summary>The one file sink: append keeps what is there, create-new refuses an existing file.</summary>
public sealed class FileMlLogSinkTests
{
    [Fact]
    public void AppendKeeps_CreateNewRefuses()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mllog-sink-{Guid.NewGuid():N}", "result_0.txt");
        try
        {
            using (var sink = FileMlLogSink.CreateNew(path)) sink.WriteLine("first");
            using (var sink = FileMlLogSink.Append(path)) sink.WriteLine("second");
            Assert.Equal("first\nsecond\n", File.ReadAllText(path));
            Assert.Throws<IOException>(() => FileMlLogSink.CreateNew(path));
            Assert.Equal("first\nsecond\n", File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
