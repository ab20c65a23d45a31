using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MLPerfDotnet.Unet3d.Evaluation;

/// <summary>
/// The reference evaluation's sliding-window inference: pre-crop, constant padding, windows of the roi at
/// stride roi·(1−overlap) in nested D, H, W order, and the Gaussian-weighted average of the window logits,
/// cropped back to the pre-cropped volume (whose label is <see cref="CropLabel"/>). Windows run
/// <c>batchWindows</c> at a time, each batch under no_grad in its own dispose scope.
/// </summary>
public static class SlidingWindowInference
{
    public const double ReferencePadValue = -2.2;

    /// <param name="model">Maps a (B, C, roi, roi, roi) batch of windows to (B, classes, roi, roi, roi) logits.</param>
    /// <param name="image">(1, C, D, H, W).</param>
    /// <param name="roi">The cubic window, e.g. [128, 128, 128].</param>
    /// <returns>(1, classes, D', H', W') averaged logits of the pre-cropped volume.</returns>
    public static Tensor Run(Func<Tensor, Tensor> model, Tensor image, int[] roi, double overlap, int batchWindows,
        double padValue = ReferencePadValue)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchWindows);
        if (image.dim() != 5 || image.shape[0] != 1)
            throw new ArgumentException($"Expected a (1, C, D, H, W) image, got ({string.Join(", ", image.shape)})", nameof(image));
        var axes = Plan(image, roi, overlap);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var padded = F.pad(Crop(image, axes), [axes[2].PadBefore, axes[2].PadAfter, axes[1].PadBefore,
            axes[1].PadAfter, axes[0].PadBefore, axes[0].PadAfter], PaddingModes.Constant, padValue);
        long[] paddedShape = [1, 1, axes[0].Padded, axes[1].Padded, axes[2].Padded];
        var patch = GaussianImportanceMap.Create(roi[0]).to(image.dtype, image.device);
        var norm = zeros(paddedShape, image.dtype, image.device);
        Tensor? sum = null;
        var starts = (from i in axes[0].WindowStarts from j in axes[1].WindowStarts from k in axes[2].WindowStarts
                      select (i, j, k)).ToList();
        for (int first = 0; first < starts.Count; first += batchWindows)
        {
            using var batchScope = NewDisposeScope();
            var batch = starts.Skip(first).Take(batchWindows).ToList();
            var input = cat(batch.Select(s => Window(padded, s, roi[0])).ToList(), 0);
            var logits = model(input);
            if (logits.dim() != 5 || logits.shape[0] != batch.Count)
                throw new InvalidOperationException($"The model returned ({string.Join(", ", logits.shape)}) for {batch.Count} windows");
            // Accumulated in the image's dtype on its device, as the reference does (logits may be bf16/fp16 under autocast).
            sum ??= zeros([1, logits.shape[1], .. paddedShape[2..]], image.dtype, image.device).MoveToOuterDisposeScope();
            for (int n = 0; n < batch.Count; n++)
            {
                Window(sum, batch[n], roi[0]).add_(logits.narrow(0, n, 1) * patch);
                Window(norm, batch[n], roi[0]).add_(patch);
            }
        }
        sum!.div_(norm);
        return sum.narrow(2, axes[0].PadBefore, axes[0].Cropped).narrow(3, axes[1].PadBefore, axes[1].Cropped)
            .narrow(4, axes[2].PadBefore, axes[2].Cropped).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>The label with the same pre-crop as the image (a contiguous copy).</summary>
    public static Tensor CropLabel(Tensor label, int[] roi, double overlap)
    {
        using var scope = NewDisposeScope();
        return Crop(label, Plan(label, roi, overlap)).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>The per-axis (D, H, W) geometry for a (N, C, D, H, W) volume.</summary>
    public static WindowAxis[] Plan(Tensor volume, int[] roi, double overlap)
    {
        ArgumentNullException.ThrowIfNull(roi);
        if (roi.Length != 3 || roi[1] != roi[0] || roi[2] != roi[0])
            throw new ArgumentException($"The roi must be a cube (the reference Gaussian uses roi[0]), got [{string.Join(", ", roi)}]", nameof(roi));
        if (volume.dim() != 5)
            throw new ArgumentException($"Expected a (N, C, D, H, W) volume, got ({string.Join(", ", volume.shape)})", nameof(volume));
        return [.. Enumerable.Range(0, 3).Select(a => WindowAxis.Create(checked((int)volume.shape[a + 2]), roi[a], overlap))];
    }

    private static Tensor Crop(Tensor volume, WindowAxis[] axes)
        => volume.narrow(2, axes[0].CropBefore, axes[0].Cropped).narrow(3, axes[1].CropBefore, axes[1].Cropped)
            .narrow(4, axes[2].CropBefore, axes[2].Cropped);

    private static Tensor Window(Tensor volume, (int I, int J, int K) start, int roi)
        => volume.narrow(2, start.I, roi).narrow(3, start.J, roi).narrow(4, start.K, roi);
}
