using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MLPerfDotnet.Harness.Files;

namespace MLPerfDotnet.Unet3d.Data.Nifti;

/// <summary>
/// Writes little-endian single-file NIfTI-1 volumes (gzip-compressed when the name ends in <c>.gz</c>) from a
/// C-order array of shape (dim[1], dim[2], dim[3]), the inverse of <see cref="NiftiVolume"/>. The header mirrors
/// KiTS19's: vox_offset 352, scl_slope 1, scl_inter 0, sform_code 2 with a diagonal affine of the spacing.
/// Writes go to a temporary name that is renamed at the end.
/// </summary>
public static class NiftiWriter
{
    public static void WriteInt16(string path, ReadOnlySpan<short> data, int[] shape, float[] spacing)
    {
        var bytes = new byte[data.Length * 2];
        var dest = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(bytes.AsSpan());
        Gather(data, dest, shape);
        if (!BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(dest, dest);
        Write(path, bytes, shape, spacing, NiftiDataType.Int16);
    }

    public static void WriteFloat32(string path, ReadOnlySpan<float> data, int[] shape, float[] spacing)
    {
        var bytes = new byte[data.Length * 4];
        var dest = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
        Gather(data, dest, shape);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("big-endian hosts");
        Write(path, bytes, shape, spacing, NiftiDataType.Float32);
    }

    public static void WriteUInt8(string path, ReadOnlySpan<byte> data, int[] shape, float[] spacing)
    {
        var bytes = new byte[data.Length];
        Gather(data, bytes, shape);
        Write(path, bytes, shape, spacing, NiftiDataType.UInt8);
    }

    /// <summary>The 352 bytes (header plus an empty extension flag) written before the voxel data.</summary>
    public static byte[] BuildHeader(int[] shape, float[] spacing, NiftiDataType type)
    {
        var h = new byte[352];
        var s = h.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(s, NiftiHeader.Size);
        short[] dim = [3, (short)shape[0], (short)shape[1], (short)shape[2], 1, 1, 1, 1];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteInt16LittleEndian(s[(40 + 2 * i)..], dim[i]);
        BinaryPrimitives.WriteInt16LittleEndian(s[70..], (short)type);
        BinaryPrimitives.WriteInt16LittleEndian(s[72..], (short)(8 * NiftiDataTypes.BytesPerVoxel(type)));
        float[] pixdim = [1f, spacing[0], spacing[1], spacing[2], 1f, 1f, 1f, 1f];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteSingleLittleEndian(s[(76 + 4 * i)..], pixdim[i]);
        BinaryPrimitives.WriteSingleLittleEndian(s[108..], 352f);
        BinaryPrimitives.WriteSingleLittleEndian(s[112..], 1f);
        BinaryPrimitives.WriteInt16LittleEndian(s[254..], 2);
        for (int row = 0; row < 3; row++)
            BinaryPrimitives.WriteSingleLittleEndian(s[(280 + 16 * row + 4 * row)..], spacing[row]);
        Encoding.ASCII.GetBytes("n+1\0", s[344..]);
        return h;
    }

    private static void Write(string path, byte[] voxels, int[] shape, float[] spacing, NiftiDataType type)
    {
        using var file = AtomicFile.Create(path);
        using (Stream output = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file.Stream, CompressionLevel.Fastest, leaveOpen: true) : file.Stream)
        {
            output.Write(BuildHeader(shape, spacing, type));
            output.Write(voxels);
        }
        file.Commit();
    }

    /// <summary>C order [(i*n2 + j)*n3 + k] to file order [i + n1*(j + n2*k)].</summary>
    private static void Gather<T>(ReadOnlySpan<T> data, Span<T> dest, int[] shape)
    {
        int n1 = shape[0], n2 = shape[1], n3 = shape[2];
        if (data.Length != (long)n1 * n2 * n3)
            throw new ArgumentException($"{data.Length} voxels do not match shape ({n1}, {n2}, {n3})");
        for (int k = 0; k < n3; k++)
            for (int j = 0; j < n2; j++)
                for (int i = 0; i < n1; i++)
                    dest[i + n1 * (j + n2 * k)] = data[(i * n2 + j) * n3 + k];
    }
}
