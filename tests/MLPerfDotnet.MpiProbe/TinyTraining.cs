using System.Security.Cryptography;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLPerfDotnet.MpiProbe;

/// <summary>A small U-Net, deterministic data and one SGD step, shared by the training sections.</summary>
public static class TinyTraining
{
    public static Unet3D Model(int[] filters, long seed)
    {
        manual_seed(seed);
        return new Unet3D(new Unet3dOptions(filters));
    }

    /// <summary>(batch, 1, s, s, s) images and labels in {0, 1, 2}, the same on every rank for the same seed.</summary>
    public static (Tensor Images, Tensor Labels) Data(long seed, int batch, int size)
    {
        var g = new Generator((ulong)seed);
        var images = randn([batch, 1, size, size, size], generator: g);
        var labels = randint(0, 3, [batch, 1, size, size, size], dtype: ScalarType.Int64, generator: g);
        return (images, labels);
    }

    public static SGD Optimizer(Unet3D model, double lr) => optim.SGD(model.parameters(), lr, momentum: 0.9, nesterov: true);

    /// <summary>Forward, backward, gradient averaging, optimizer step. Returns the loss.</summary>
    public static float Step(Unet3D model, SGD optimizer, GradientAverager? averager, Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = DiceCeLoss.Compute(model.call(images), labels);
        loss.backward();
        averager?.AverageGradients();
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>The first 8 bytes of SHA-256 over every parameter's fp32 bytes, in order.</summary>
    public static long Hash(Unet3D model)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var p in model.parameters())
        {
            using var c = p.detach().cpu().contiguous();
            sha.AppendData(c.bytes);
        }
        return BitConverter.ToInt64(sha.GetHashAndReset(), 0);
    }

    public static double MaxAbsDifference(Unet3D a, Unet3D b)
    {
        double max = 0;
        foreach (var (pa, pb) in a.parameters().Zip(b.parameters()))
        {
            using var d = (pa.detach() - pb.detach()).abs().max();
            max = Math.Max(max, d.item<float>());
        }
        return max;
    }
}
