using System.Buffers.Binary;

namespace MLPerfDotnet.Unet3d.Data.Nifti;

/// <summary>
/// The NIfTI-1 header fields the KiTS19 pipeline needs (single-file <c>n+1</c> form, 348 bytes, either byte order).
/// <see cref="Shape"/> is <c>dim[1..3]</c>, the array order nibabel returns: (slices, H, W) for KiTS19. The file
/// stores <c>dim[1]</c> fastest, so a plane of constant <c>dim[3]</c> index is contiguous on disk.
/// </summary>
public sealed record NiftiHeader(
    string Path,
    bool BigEndian,
    short[] Dim,
    NiftiDataType DataType,
    short BitPix,
    float[] PixDim,
    long VoxOffset,
    float SclSlope,
    float SclInter,
    short QFormCode,
    short SFormCode)
{
    public const int Size = 348;

    /// <summary>(dim[1], dim[2], dim[3]).</summary>
    public int[] Shape => [Dim[1], Dim[2], Dim[3]];

    /// <summary>pixdim[1..3], the float32 voxel spacing in the order of <see cref="Shape"/>.</summary>
    public float[] Spacing => [PixDim[1], PixDim[2], PixDim[3]];

    public int BytesPerVoxel => NiftiDataTypes.BytesPerVoxel(DataType);

    public long VoxelCount => (long)Dim[1] * Dim[2] * Dim[3];

    /// <summary>
    /// Scaling as nibabel applies it in <c>get_fdata</c>: none when scl_slope is 0 or not finite, or when it is
    /// (1, 0).
    /// </summary>
    public bool HasScaling => SclSlope != 0 && float.IsFinite(SclSlope) && (SclSlope != 1f || SclInter != 0f);

    /// <summary>Parses and validates the first 348 bytes; every error names the file.</summary>
    public static NiftiHeader Parse(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < Size)
            throw new InvalidDataException($"{path}: truncated NIfTI header ({bytes.Length} of {Size} bytes)");
        bool big;
        if (BinaryPrimitives.ReadInt32LittleEndian(bytes) == Size) big = false;
        else if (BinaryPrimitives.ReadInt32BigEndian(bytes) == Size) big = true;
        else throw new InvalidDataException($"{path}: not a NIfTI-1 file (sizeof_hdr is not 348 in either byte order)");
        var r = new Fields(bytes, big);

        string magic = System.Text.Encoding.ASCII.GetString(bytes.Slice(344, 3));
        if (magic == "ni1")
            throw new InvalidDataException($"{path}: two-file NIfTI (.hdr/.img, magic 'ni1') is not supported");
        if (magic != "n+1")
            throw new InvalidDataException($"{path}: bad NIfTI magic '{magic.Replace("\0", "\\0", StringComparison.Ordinal)}'");

        var dim = new short[8];
        for (int i = 0; i < 8; i++) dim[i] = r.Int16(40 + 2 * i);
        if (dim[0] < 3 || dim[0] > 7)
            throw new InvalidDataException($"{path}: dim[0] = {dim[0]}, expected a 3-D volume");
        for (int i = 1; i <= 3; i++)
            if (dim[i] <= 0) throw new InvalidDataException($"{path}: bad dims: dim[{i}] = {dim[i]}");
        for (int i = 4; i <= dim[0]; i++)
            if (dim[i] != 1) throw new InvalidDataException($"{path}: dim[{i}] = {dim[i]}: only 3-D volumes are supported");

        short code = r.Int16(70);
        if (!NiftiDataTypes.IsSupported(code))
            throw new InvalidDataException($"{path}: unsupported NIfTI datatype {code} (supported: 2, 4, 8, 16, 64, 256, 512, 768)");
        var type = (NiftiDataType)code;
        short bitpix = r.Int16(72);
        if (bitpix != 8 * NiftiDataTypes.BytesPerVoxel(type))
            throw new InvalidDataException($"{path}: bitpix {bitpix} does not match datatype {code}");

        var pixdim = new float[8];
        for (int i = 0; i < 8; i++) pixdim[i] = r.Single(76 + 4 * i);

        float vox = r.Single(108);
        if (vox == 0) vox = 352; // nibabel: a single file with vox_offset 0 has its data right after the header
        if (!float.IsFinite(vox) || vox < 352 || vox != MathF.Floor(vox))
            throw new InvalidDataException($"{path}: bad vox_offset {vox} (must be an integer >= 352)");

        float slope = r.Single(112), inter = r.Single(116);
        if (slope != 0 && float.IsFinite(slope) && !float.IsFinite(inter))
            throw new InvalidDataException($"{path}: valid scl_slope {slope} with invalid scl_inter {inter}");

        return new NiftiHeader(path, big, dim, type, bitpix, pixdim, (long)vox, slope, inter, r.Int16(252), r.Int16(254));
    }

    private readonly ref struct Fields(ReadOnlySpan<byte> bytes, bool big)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public short Int16(int at) => big
            ? BinaryPrimitives.ReadInt16BigEndian(_bytes[at..])
            : BinaryPrimitives.ReadInt16LittleEndian(_bytes[at..]);

        public float Single(int at) => big
            ? BinaryPrimitives.ReadSingleBigEndian(_bytes[at..])
            : BinaryPrimitives.ReadSingleLittleEndian(_bytes[at..]);
    }
}
