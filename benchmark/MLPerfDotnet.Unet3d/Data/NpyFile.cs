using System.Runtime.InteropServices;
using MLPerfDotnet.Harness.Files;

namespace MLPerfDotnet.Unet3d.Data;

/// <summary>Whole-array .npy reading and writing for float32 (<c>&lt;f4</c>) and uint8 (<c>|u1</c>) arrays.</summary>
public static class NpyFile
{
    public static void WriteFloat32(string path, ReadOnlySpan<float> data, IReadOnlyList<long> shape)
        => Write(path, "<f4", MemoryMarshal.AsBytes(data), shape);

    public static void WriteUInt8(string path, ReadOnlySpan<byte> data, IReadOnlyList<long> shape)
        => Write(path, "|u1", data, shape);

    /// <summary>Writes to a temporary name and renames it, so a reader never sees a partial file.</summary>
    public static void Write(string path, string descr, ReadOnlySpan<byte> bytes, IReadOnlyList<long> shape)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var header = NpyHeader.Build(descr, shape);
        int size = new NpyHeader(descr, false, [.. shape], header.Length).ElementSize;
        if (bytes.Length != count * size)
            throw new ArgumentException($"{path}: {bytes.Length} data bytes do not match shape ({string.Join(", ", shape)})");
        using var file = AtomicFile.Create(path, bufferSize: 4096);
        file.Stream.Write(header);
        file.Stream.Write(bytes);
        file.Commit();
    }

    public static (float[] Data, long[] Shape) ReadFloat32(string path)
    {
        var (header, bytes) = ReadRaw(path, "<f4");
        return (MemoryMarshal.Cast<byte, float>(bytes).ToArray(), header.Shape);
    }

    public static (byte[] Data, long[] Shape) ReadUInt8(string path)
    {
        var (header, bytes) = ReadRaw(path, "|u1");
        return (bytes, header.Shape);
    }

    public static NpyHeader ReadHeader(string path)
    {
        using var fs = File.OpenRead(path);
        return NpyHeader.Read(fs, path);
    }

    private static (NpyHeader Header, byte[] Bytes) ReadRaw(string path, string expectedDescr)
    {
        using var fs = File.OpenRead(path);
        var header = NpyHeader.Read(fs, path);
        if (header.Descr != expectedDescr && !(expectedDescr == "|u1" && header.Descr == "<u1"))
            throw new InvalidDataException($"{path}: dtype '{header.Descr}', expected '{expectedDescr}'");
        long size = header.ElementCount * header.ElementSize;
        if (fs.Length - header.DataOffset < size)
            throw new InvalidDataException($"{path}: truncated: {fs.Length - header.DataOffset} data bytes, shape needs {size}");
        var bytes = new byte[size];
        fs.ReadExactly(bytes);
        return (header, bytes);
    }
}
