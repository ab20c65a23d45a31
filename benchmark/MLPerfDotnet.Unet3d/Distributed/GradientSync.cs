using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>Averages gradients over ranks through one persistent flat fp32 buffer (a no-op for one rank).</summary>
public sealed class GradientSync(nn.Module module, ICommunicator comm)
{
    private readonly List<TorchSharp.Modules.Parameter> _parameters = module.parameters().ToList();
    private float[]? _flat;

    public void Average()
    {
        if (comm.Size == 1) return;
        _flat ??= new float[_parameters.Sum(p => p.numel())];
        using var scope = NewDisposeScope();
        int offset = 0;
        foreach (var p in _parameters)
        {
            int n = (int)p.numel();
            if (p.grad is null) Array.Clear(_flat, offset, n);
            else p.grad.cpu().contiguous().data<float>().CopyTo(_flat.AsSpan(offset, n));
            offset += n;
        }
        comm.AllreduceSum(_flat);
        float scale = 1f / comm.Size;
        offset = 0;
        using (no_grad())
        {
            foreach (var p in _parameters)
            {
                int n = (int)p.numel();
                if (p.grad is not null)
                {
                    var averaged = tensor(_flat.AsSpan(offset, n).ToArray(), p.shape).to(p.device).mul_(scale);
                    p.grad.copy_(averaged);
                }
                offset += n;
            }
        }
    }
}
