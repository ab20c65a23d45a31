using System.IO.MemoryMappedFiles;

namespace MLPerfDotnet.Unet3d.Data;

/// <summary>
/// A read-only memory-mapped .npy file, so that a crop reads only the rows it needs. The data must be C order;
/// thread-safe for concurrent reads.
/// </summary>
public sealed unsafe class NpyMappedFile : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private bool _disposed;

    public NpyMappedFile(string path)
    {
        Path = path;
        Header = NpyFile.ReadHeader(path);
        long need = Header.DataOffset + Header.ElementCount * Header.ElementSize;
        long size = new FileInfo(path).Length;
        if (size < need)
            throw new InvalidDataException($"{path}: truncated: {size} bytes, the header's shape needs {need}");
        _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _base = p + _view.PointerOffset + Header.DataOffset;
    }

    public string Path { get; }

    public NpyHeader Header { get; }

    /// <summary>The data as bytes, starting at element <paramref name="element"/>.</summary>
    public ReadOnlySpan<byte> Bytes(long element, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long size = Header.ElementSize;
        if (element < 0 || count < 0 || element + count / size > Header.ElementCount)
            throw new ArgumentOutOfRangeException(nameof(element));
        return new ReadOnlySpan<byte>(_base + element * size, count);
    }

    public ReadOnlySpan<float> Floats(long element, int count)
    {
        if (Header.Descr != "<f4") throw new InvalidDataException($"{Path}: dtype '{Header.Descr}', expected '<f4'");
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (element < 0 || count < 0 || element + count > Header.ElementCount)
            throw new ArgumentOutOfRangeException(nameof(element));
        return new ReadOnlySpan<float>(_base + element * 4, count);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
