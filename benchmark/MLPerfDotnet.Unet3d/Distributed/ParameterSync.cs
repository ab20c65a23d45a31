using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>Copies rank 0's parameters to every rank (one flat fp32 broadcast).</summary>
public static class ParameterSync
{
    public static void Broadcast(nn.Module module, ICommunicator comm)
    {
        if (comm.Size == 1) return;
        var parameters = module.parameters().ToList();
        var flat = new float[parameters.Sum(p => p.numel())];
        using (no_grad())
        {
            long offset = 0;
            foreach (var p in parameters)
            {
                using var cpu = p.detach().cpu().contiguous();
                cpu.data<float>().CopyTo(flat.AsSpan((int)offset, (int)p.numel()));
                offset += p.numel();
            }
            comm.Broadcast(flat, 0);
            offset = 0;
            foreach (var p in parameters)
            {
                using var src = tensor(flat.AsSpan((int)offset, (int)p.numel()).ToArray(), p.shape).to(p.device);
                p.copy_(src);
                offset += p.numel();
            }
        }
    }
}
