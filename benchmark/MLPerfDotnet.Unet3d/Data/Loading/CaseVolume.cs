namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// One training case opened for cropping: memory-mapped image and label, shape (D, H, W), and its foreground
/// boxes, computed on first use and kept.
/// </summary>
internal sealed class CaseVolume : IDisposable
{
    private readonly Lazy<ForegroundBoxes> _boxes;

    public CaseVolume(Kits19Case c, int[] patch)
    {
        Case = c;
        Image = new NpyMappedFile(c.ImagePath);
        try
        {
            Label = new NpyMappedFile(c.LabelPath);
            var xs = Image.Header.Shape;
            if (Image.Header.Descr != "<f4" || xs.Length != 4 || xs[0] != 1)
                throw new InvalidDataException($"{c.ImagePath}: expected float32 (1, D, H, W), got {Image.Header.Descr} ({string.Join(", ", xs)})");
            if (!Label.Header.Shape.SequenceEqual(xs) || Label.Header.ElementSize != 1)
                throw new InvalidDataException($"{c.LabelPath}: expected uint8 of the image's shape ({string.Join(", ", xs)})");
            Shape = [(int)xs[1], (int)xs[2], (int)xs[3]];
            for (int k = 0; k < 3; k++)
                if (Shape[k] < patch[k])
                    throw new InvalidDataException($"{c.ImagePath}: shape ({string.Join(", ", Shape)}) is smaller than the patch ({string.Join(", ", patch)})");
        }
        catch
        {
            Image.Dispose();
            Label?.Dispose();
            throw;
        }
        _boxes = new Lazy<ForegroundBoxes>(() => ForegroundBoxes.Compute(Label), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Kits19Case Case { get; }

    public NpyMappedFile Image { get; }

    public NpyMappedFile Label { get; }

    public int[] Shape { get; }

    public ForegroundBoxes Boxes => _boxes.Value;

    public void Dispose()
    {
        Image.Dispose();
        Label.Dispose();
    }
}
