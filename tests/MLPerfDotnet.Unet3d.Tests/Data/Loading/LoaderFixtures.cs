using MLPerfDotnet.Unet3d.Data;
using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Tests.Data.Loading;

/// <summary>Small preprocessed-like cases written to a temporary folder.</summary>
internal static class LoaderFixtures
{
    /// <summary>
    /// Writes <paramref name="count"/> cases of shape (1, d, h, w): image value = linear voxel index (so a crop's
    /// origin is recoverable), label: a kidney box of class 1 and a tumour box of class 2 inside it.
    /// </summary>
    public static IReadOnlyList<Kits19Case> Write(TempDir dir, int count, int[] shape, int firstId = 0)
    {
        var cases = new List<Kits19Case>();
        int d = shape[0], h = shape[1], w = shape[2];
        for (int c = 0; c < count; c++)
        {
            string name = $"case_{firstId + c:D5}";
            var image = new float[d * h * w];
            var label = new byte[d * h * w];
            for (int i = 0; i < image.Length; i++) image[i] = i;
            Fill(label, shape, [2, 3, 4 + c % 3], [10, 9, 12], 1);
            Fill(label, shape, [4, 5, 6 + c % 3], [7, 7, 9], 2);
            Fill(label, shape, [d - 4, h - 4, w - 5], [d - 1, h - 2, w - 1], 1);
            long[] npy = [1, d, h, w];
            string x = dir.File(name + "_x.npy"), y = dir.File(name + "_y.npy");
            NpyFile.WriteFloat32(x, image, npy);
            NpyFile.WriteUInt8(y, label, npy);
            cases.Add(new Kits19Case(name, x, y));
        }
        return cases;
    }

    public static void Fill(byte[] label, int[] shape, int[] lo, int[] hi, byte value)
    {
        for (int a = Math.Max(lo[0], 0); a < Math.Min(hi[0], shape[0]); a++)
            for (int b = Math.Max(lo[1], 0); b < Math.Min(hi[1], shape[1]); b++)
                for (int c = Math.Max(lo[2], 0); c < Math.Min(hi[2], shape[2]); c++)
                    label[(a * shape[1] + b) * shape[2] + c] = value;
    }
}
