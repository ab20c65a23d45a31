namespace MLPerfDotnet.Unet3d.Data.Nifti;

/// <summary>The NIfTI-1 <c>datatype</c> codes this reader supports.</summary>
public enum NiftiDataType : short
{
    UInt8 = 2,
    Int16 = 4,
    Int32 = 8,
    Float32 = 16,
    Float64 = 64,
    Int8 = 256,
    UInt16 = 512,
    UInt32 = 768,
}

/// <summary>Sizes of the supported NIfTI datatypes.</summary>
public static class NiftiDataTypes
{
    public static bool IsSupported(short code) => Enum.IsDefined(typeof(NiftiDataType), code);

    public static int BytesPerVoxel(NiftiDataType type) => type switch
    {
        NiftiDataType.UInt8 or NiftiDataType.Int8 => 1,
        NiftiDataType.Int16 or NiftiDataType.UInt16 => 2,
        NiftiDataType.Int32 or NiftiDataType.UInt32 or NiftiDataType.Float32 => 4,
        NiftiDataType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported NIfTI datatype"),
    };
}
