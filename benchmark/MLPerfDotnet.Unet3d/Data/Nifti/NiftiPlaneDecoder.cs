using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MLPerfDotnet.Unet3d.Data.Nifti;

/// <summary>
/// Converts raw voxel bytes (file byte order) to float32 or uint8 the way nibabel's <c>get_fdata()</c> followed by
/// <c>astype</c> does: the raw value, or with scaling <c>raw * scl_slope + scl_inter</c>, computed in float32 for
/// 8/16-bit integers and float32 data and in float64 for 32-bit integers and float64 data (numpy promotion).
/// </summary>
internal static class NiftiPlaneDecoder
{
    public static void ToFloat32(NiftiHeader h, ReadOnlySpan<byte> raw, Span<float> dest)
    {
        bool swap = h.BigEndian != !BitConverter.IsLittleEndian;
        if (!h.HasScaling)
        {
            if (!swap && FastCopy(h.DataType, raw, dest)) return;
            for (int i = 0; i < dest.Length; i++) dest[i] = (float)Raw(h.DataType, raw, i, swap);
            return;
        }
        bool inDouble = h.DataType is NiftiDataType.Int32 or NiftiDataType.UInt32 or NiftiDataType.Float64;
        float slope = h.SclSlope, inter = h.SclInter;
        for (int i = 0; i < dest.Length; i++)
        {
            double v = Raw(h.DataType, raw, i, swap);
            if (inDouble)
            {
                double d = slope != 1f ? v * slope : v;
                dest[i] = (float)(inter != 0f ? d + inter : d);
            }
            else
            {
                float f = (float)v;
                if (slope != 1f) f *= slope;
                if (inter != 0f) f += inter;
                dest[i] = f;
            }
        }
    }

    private static bool FastCopy(NiftiDataType type, ReadOnlySpan<byte> raw, Span<float> dest)
    {
        switch (type)
        {
            case NiftiDataType.Float32:
                MemoryMarshal.Cast<byte, float>(raw)[..dest.Length].CopyTo(dest);
                return true;
            case NiftiDataType.Int16:
                {
                    var src = MemoryMarshal.Cast<byte, short>(raw);
                    for (int i = 0; i < dest.Length; i++) dest[i] = src[i];
                    return true;
                }
            case NiftiDataType.UInt8:
                for (int i = 0; i < dest.Length; i++) dest[i] = raw[i];
                return true;
            default:
                return false;
        }
    }

    /// <summary>Label conversion: each (scaled) value must lie in [0, 256); it is truncated like astype(uint8).</summary>
    public static void ToUInt8(NiftiHeader h, ReadOnlySpan<byte> raw, Span<byte> dest, int plane)
    {
        if (h.DataType == NiftiDataType.UInt8 && !h.HasScaling)
        {
            raw[..dest.Length].CopyTo(dest);
            return;
        }
        bool swap = h.BigEndian != !BitConverter.IsLittleEndian;
        Span<float> one = stackalloc float[1];
        for (int i = 0; i < dest.Length; i++)
        {
            double v;
            if (h.HasScaling)
            {
                ToFloat32(h, raw.Slice(i * h.BytesPerVoxel, h.BytesPerVoxel), one);
                v = one[0];
            }
            else v = Raw(h.DataType, raw, i, swap);
            if (!(v >= 0 && v < 256))
                throw new InvalidDataException(
                    $"{h.Path}: label value {v} at voxel {i} of plane {plane} does not fit uint8");
            dest[i] = (byte)v;
        }
    }

    private static double Raw(NiftiDataType type, ReadOnlySpan<byte> raw, int i, bool swap)
    {
        switch (type)
        {
            case NiftiDataType.UInt8: return raw[i];
            case NiftiDataType.Int8: return (sbyte)raw[i];
            case NiftiDataType.Int16:
                {
                    short v = MemoryMarshal.Read<short>(raw[(2 * i)..]);
                    return swap ? BinaryPrimitives.ReverseEndianness(v) : v;
                }
            case NiftiDataType.UInt16:
                {
                    ushort v = MemoryMarshal.Read<ushort>(raw[(2 * i)..]);
                    return swap ? BinaryPrimitives.ReverseEndianness(v) : v;
                }
            case NiftiDataType.Int32:
                {
                    int v = MemoryMarshal.Read<int>(raw[(4 * i)..]);
                    return swap ? BinaryPrimitives.ReverseEndianness(v) : v;
                }
            case NiftiDataType.UInt32:
                {
                    uint v = MemoryMarshal.Read<uint>(raw[(4 * i)..]);
                    return swap ? BinaryPrimitives.ReverseEndianness(v) : v;
                }
            case NiftiDataType.Float32:
                {
                    int v = MemoryMarshal.Read<int>(raw[(4 * i)..]);
                    return BitConverter.Int32BitsToSingle(swap ? BinaryPrimitives.ReverseEndianness(v) : v);
                }
            case NiftiDataType.Float64:
                {
                    long v = MemoryMarshal.Read<long>(raw[(8 * i)..]);
                    return BitConverter.Int64BitsToDouble(swap ? BinaryPrimitives.ReverseEndianness(v) : v);
                }
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported NIfTI datatype");
        }
    }
}
