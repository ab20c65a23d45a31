namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>Reads evaluation cases one at a time (whole volumes, no augmentation), like the reference's PytVal.</summary>
public static class EvalVolumes
{
    public static IEnumerable<EvalVolume> Read(IReadOnlyList<Kits19Case> cases)
    {
        foreach (var c in cases)
        {
            var (image, xShape) = NpyFile.ReadFloat32(c.ImagePath);
            var (label, yShape) = NpyFile.ReadUInt8(c.LabelPath);
            if (xShape.Length != 4 || xShape[0] != 1)
                throw new InvalidDataException($"{c.ImagePath}: shape ({string.Join(", ", xShape)}), expected (1, D, H, W)");
            if (!xShape.SequenceEqual(yShape))
                throw new InvalidDataException(
                    $"{c.LabelPath}: shape ({string.Join(", ", yShape)}) differs from the image's ({string.Join(", ", xShape)})");
            yield return new EvalVolume(c.Id, image, label, [(int)xShape[1], (int)xShape[2], (int)xShape[3]]);
        }
    }
}
