using System.IO.Compression;

namespace MLPerfDotnet.Unet3d.Data.Nifti;

/// <summary>
/// Streams a NIfTI-1 volume (<c>.nii</c>, or gzip-compressed <c>.nii.gz</c>, detected by content) one plane at a
/// time. A plane holds the voxels of one <c>dim[3]</c> index, <c>dim[1]</c> fastest, which is how the file
/// stores them; planes come in increasing order. Truncated or corrupt files raise
/// <see cref="InvalidDataException"/> naming the file.
/// </summary>
public sealed class NiftiReader : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _raw;
    private int _nextPlane;

    private NiftiReader(string path, Stream stream, NiftiHeader header)
    {
        Path = path;
        _stream = stream;
        Header = header;
        _raw = new byte[(long)PlaneLength * header.BytesPerVoxel];
    }

    public string Path { get; }

    public NiftiHeader Header { get; }

    /// <summary>Voxels per plane: dim[1] * dim[2].</summary>
    public int PlaneLength => Header.Dim[1] * Header.Dim[2];

    /// <summary>Number of planes: dim[3].</summary>
    public int PlaneCount => Header.Dim[3];

    public static NiftiHeader ReadHeader(string path)
    {
        using var reader = Open(path);
        return reader.Header;
    }

    public static NiftiReader Open(string path)
    {
        Stream? stream = null;
        try
        {
            stream = OpenDecompressed(path);
            var bytes = new byte[NiftiHeader.Size];
            int got = ReadFully(stream, bytes, path);
            var header = NiftiHeader.Parse(bytes.AsSpan(0, got), path);
            if ((long)header.Dim[1] * header.Dim[2] * header.BytesPerVoxel > Array.MaxLength)
                throw new InvalidDataException($"{path}: a plane of {header.Dim[1]}x{header.Dim[2]} voxels is too large");
            long skip = header.VoxOffset - NiftiHeader.Size;
            var scratch = new byte[Math.Min(skip, 1 << 16)];
            while (skip > 0)
            {
                int n = ReadFully(stream, scratch.AsSpan(0, (int)Math.Min(skip, scratch.Length)), path);
                if (n == 0) throw new InvalidDataException($"{path}: truncated: the file ends before vox_offset {header.VoxOffset}");
                skip -= n;
            }
            var reader = new NiftiReader(path, stream, header);
            stream = null;
            return reader;
        }
        finally
        {
            stream?.Dispose();
        }
    }

    /// <summary>Reads the next plane as float32 (scaled like nibabel's get_fdata).</summary>
    public void ReadPlane(Span<float> dest)
    {
        FillNext(dest.Length);
        NiftiPlaneDecoder.ToFloat32(Header, _raw, dest);
    }

    /// <summary>Reads the next plane as uint8 labels.</summary>
    public void ReadPlane(Span<byte> dest)
    {
        int plane = FillNext(dest.Length);
        NiftiPlaneDecoder.ToUInt8(Header, _raw, dest, plane);
    }

    /// <summary>Reads past the next plane without decoding it.</summary>
    public void SkipPlane() => FillNext(PlaneLength);

    /// <summary>
    /// Reads whatever the planes read so far left (the remaining planes and any trailing bytes) to the end of the
    /// file, so that a gzip file's CRC-32 and length trailer is checked: a corrupt file raises
    /// <see cref="InvalidDataException"/> naming it, even when its corruption decodes to plausible voxels.
    /// </summary>
    public void VerifyToEnd()
    {
        var scratch = new byte[1 << 16];
        while (ReadFully(_stream, scratch, Path) > 0)
        {
        }
    }

    public void Dispose() => _stream.Dispose();

    private int FillNext(int destLength)
    {
        if (destLength != PlaneLength)
            throw new ArgumentException($"plane buffer holds {destLength} voxels, the plane has {PlaneLength}");
        if (_nextPlane >= PlaneCount)
            throw new InvalidOperationException($"{Path}: all {PlaneCount} planes were read");
        int got = ReadFully(_stream, _raw, Path);
        if (got < _raw.Length)
        {
            long have = (long)_nextPlane * _raw.Length + got;
            long need = Header.VoxelCount * Header.BytesPerVoxel;
            throw new InvalidDataException(
                $"{Path}: truncated: voxel data ends after {have} of {need} bytes (in plane {_nextPlane} of {PlaneCount})");
        }
        return _nextPlane++;
    }

    private static Stream OpenDecompressed(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int n = file.Read(magic);
        file.Position = 0;
        if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            return new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16);
        return file;
    }

    private static int ReadFully(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: corrupt gzip data: {e.Message}", e);
        }
    }
}
