using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Unet3d.Tests.Data;

/// <summary>Fixture paths and a temporary folder that deletes itself.</summary>
internal static class TestFiles
{
    public static string Fixture(string name) =>
        Path.Combine(SharedData.RepoRoot, "tests", "MLPerfDotnet.Unet3d.Tests", "Data", "Fixtures", name);
}

internal sealed class TempDir : IDisposable
{
    public TempDir() => Path = Directory.CreateTempSubdirectory("mlperf-data-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
