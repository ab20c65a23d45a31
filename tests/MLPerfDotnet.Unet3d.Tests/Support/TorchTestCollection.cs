namespace MLPerfDotnet.Unet3d.Tests.Support;

/// <summary>
/// Torch tests run one at a time, on one torch thread: the suite runs on 2-core machines, and libtorch's
/// global state (threads, RNG) is per process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchTestCollection
{
    public const string Name = "Torch";

    static TorchTestCollection() => TorchSharp.torch.set_num_threads(1);

    public static void Init() => TorchSharp.torch.set_num_threads(1);
}
