namespace MLPerfDotnet.Unet3d.Data.Nifti;

/// <summary>
/// Whole-volume reads in nibabel's array order: a C-order array of shape (dim[1], dim[2], dim[3]), i.e.
/// (slices, H, W) for KiTS19, the same values <c>get_fdata().astype(...)</c> gives.
/// </summary>
public static class NiftiVolume
{
    public static (float[] Data, int[] Shape) ReadFloat32(string path)
    {
        using var reader = NiftiReader.Open(path);
        var plane = new float[reader.PlaneLength];
        var data = new float[checked((int)reader.Header.VoxelCount)];
        for (int k = 0; k < reader.PlaneCount; k++)
        {
            reader.ReadPlane(plane);
            Scatter<float>(plane, data, k, reader.Header.Shape);
        }
        return (data, reader.Header.Shape);
    }

    public static (byte[] Data, int[] Shape) ReadUInt8(string path)
    {
        using var reader = NiftiReader.Open(path);
        var plane = new byte[reader.PlaneLength];
        var data = new byte[checked((int)reader.Header.VoxelCount)];
        for (int k = 0; k < reader.PlaneCount; k++)
        {
            reader.ReadPlane(plane);
            Scatter<byte>(plane, data, k, reader.Header.Shape);
        }
        return (data, reader.Header.Shape);
    }

    /// <summary>Plane k holds [i + n1*j]; the C-order volume holds [(i*n2 + j)*n3 + k].</summary>
    private static void Scatter<T>(T[] plane, T[] data, int k, int[] shape)
    {
        int n1 = shape[0], n2 = shape[1], n3 = shape[2];
        for (int j = 0; j < n2; j++)
            for (int i = 0; i < n1; i++)
                data[((long)i * n2 + j) * n3 + k] = plane[i + n1 * j];
    }
}
