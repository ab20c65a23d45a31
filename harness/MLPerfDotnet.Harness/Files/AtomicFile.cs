namespace MLPerfDotnet.Harness.Files;

/// <summary>
/// A file written under a temporary name (<c>PATH.partial</c>) and renamed into place when complete, so a reader never
/// sees half a file; when writing fails (a full disk, an exception), the temporary file is deleted, not left behind.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    public const string TemporarySuffix = ".partial";

    private readonly string _path;
    private bool _committed;

    private AtomicFile(string path, int bufferSize)
    {
        _path = path;
        TemporaryPath = path + TemporarySuffix;
        Stream = new FileStream(TemporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize);
    }

    public string TemporaryPath { get; }

    /// <summary>The temporary file; write everything, then <see cref="Commit"/>.</summary>
    public FileStream Stream { get; }

    public static AtomicFile Create(string path, int bufferSize = 1 << 16) => new(path, bufferSize);

    /// <summary>Writes the temporary file with <paramref name="writeTemporary"/> (given its path), then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> writeTemporary, bool overwrite = true)
    {
        ArgumentNullException.ThrowIfNull(writeTemporary);
        string temporary = path + TemporarySuffix;
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, path, overwrite);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Closes the temporary file and renames it into place (replacing <c>PATH</c> when <paramref name="overwrite"/>).</summary>
    public void Commit(bool overwrite = true)
    {
        Stream.Dispose();
        File.Move(TemporaryPath, _path, overwrite);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        try
        {
            Stream.Dispose();
        }
        catch (IOException)
        {
            // the flush of a failed write fails too; the file goes anyway
        }
        TryDelete(TemporaryPath);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // nothing more can be done; the caller's exception says what went wrong
        }
    }
}
