using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Model;

/// <summary>
/// The MLPerf 3D U-Net (mlcommons/training unet3d <c>Unet3D</c>): field names give the PyTorch state_dict keys
/// (<c>input_block.conv1.0.weight</c>, <c>downsample.0.conv1.1.bias</c>, <c>upsample.0.upsample_conv.0.weight</c>,
/// <c>output.conv.0.bias</c>, ...), so checkpoints interoperate with the reference. Initialisation is PyTorch's
/// default (the reference's weights_init_scale of 1.0 is a no-op).
/// </summary>
public sealed class Unet3D : nn.Module<Tensor, Tensor>
{
    private readonly InputBlock input_block;
    private readonly ModuleList<DownsampleBlock> downsample;
    private readonly DownsampleBlock bottleneck;
    private readonly ModuleList<UpsampleBlock> upsample;
    private readonly OutputLayer output;

    public Unet3D(Unet3dOptions options) : base(nameof(Unet3D))
    {
        options.Validate();
        Options = options;
        var f = options.Filters;
        input_block = new InputBlock(options.InChannels, f[0]);
        downsample = new ModuleList<DownsampleBlock>();
        for (int i = 0; i + 1 < f.Count; i++) downsample.Add(new DownsampleBlock(f[i], f[i + 1]));
        bottleneck = new DownsampleBlock(f[^1], f[^1]);
        upsample = new ModuleList<UpsampleBlock>();
        upsample.Add(new UpsampleBlock(f[^1], f[^1]));
        for (int i = f.Count - 1; i > 0; i--) upsample.Add(new UpsampleBlock(f[i], f[i - 1]));
        output = new OutputLayer(f[0], options.Classes);
        RegisterComponents();
    }

    public Unet3dOptions Options { get; }

    public long ParameterCount => parameters().Sum(p => p.numel());

    public override Tensor forward(Tensor input)
    {
        var skips = new List<Tensor>(downsample.Count + 1);
        var x = input_block.call(input);
        skips.Add(x);
        foreach (var block in downsample)
        {
            x = block.call(x);
            skips.Add(x);
        }
        x = bottleneck.call(x);
        for (int i = 0; i < upsample.Count; i++)
        {
            var next = upsample[i].call(x, skips[^(i + 1)]);
            x.Dispose();
            x = next;
        }
        foreach (var s in skips) s.Dispose();
        var logits = output.call(x);
        x.Dispose();
        return logits;
    }

    /// <summary>The reference's weights_initialization tensor names, in construction order (logged at init).</summary>
    public IReadOnlyList<string> WeightInitializationNames()
    {
        var names = new List<string> { "input_block_0_conv", "input_block_0_instancenorm", "input_block_1_conv", "input_block_1_instancenorm" };
        int levels = downsample.Count + 1;
        for (int d = 0; d < levels; d++)
            foreach (int b in new[] { 0, 1 })
                names.AddRange([$"down{d}_block_{b}_conv", $"down{d}_block_{b}_instancenorm"]);
        for (int u = 0; u < upsample.Count; u++)
        {
            names.Add($"up{u}_deconv");
            foreach (int b in new[] { 0, 1 })
                names.AddRange([$"up{u}_block_{b}_conv", $"up{u}_block_{b}_instancenorm"]);
        }
        names.Add("output_conv");
        return names;
    }
}
