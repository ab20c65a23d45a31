using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Harness.Tests.Logging;

/// <summary>A result file on a real full filesystem (a small tmpfs): whole lines or nothing, and no second failure on close.</summary>
public sealed class WholeLineAppenderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [TmpfsFact]
    public void DiskFillingUp_TakesTheFailedLineBack_AndKeepsEveryEarlierLine()
    {
        using var disk = SmallTmpfs.Mount(Path.Combine(_temp.Path, "disk"), 16);
        string path = Path.Combine(disk.Path, "result.txt");
        var written = new List<string>();
        var sink = new FileMlLogSink(path);
        IOException? failure = null;
        for (int i = 0; i < 1000 && failure is null; i++)
        {
            string line = $":::MLLOG {{\"key\": \"line\", \"value\": {i}, \"pad\": \"{new string('p', 250)}\"}}";
            try
            {
                sink.WriteLine(line);
                written.Add(line);
            }
            catch (IOException e)
            {
                failure = e;
            }
        }
        sink.Dispose(); // nothing left buffered to fail again
        Assert.NotNull(failure);
        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.InRange(written.Count, 40, 70); // 16 KiB of 300-byte lines
        Assert.Equal(string.Concat(written.Select(l => l + "\n")), File.ReadAllText(path));
    }

    [TmpfsFact]
    public void FullDiskAtTheFirstLine_LeavesTheFileEmpty()
    {
        using var disk = SmallTmpfs.Mount(Path.Combine(_temp.Path, "disk"), 8);
        disk.Fill();
        string path = Path.Combine(disk.Path, "result.txt");
        using (var sink = new FileMlLogSink(path))
            Assert.Throws<IOException>(() => sink.WriteLine(":::MLLOG {\"key\": \"init_start\"}"));
        Assert.Equal(0, new FileInfo(path).Length);
    }
}
