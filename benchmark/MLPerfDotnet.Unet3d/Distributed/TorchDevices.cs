using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>Maps the run config's device (cpu, cuda, cuda:N) to a torch device; plain "cuda" takes the GPU of the local rank.</summary>
public static class TorchDevices
{
    public static Device Resolve(string device, ICommunicator comm)
    {
        if (device == "cpu") return CPU;
        if (!cuda.is_available())
            throw new InvalidOperationException($"device '{device}' was requested but CUDA is not available to libtorch");
        if (device == "cuda") return new Device(TorchSharp.DeviceType.CUDA, comm.LocalRank % Math.Max(1, cuda.device_count()));
        return new Device(device);
    }
}
