namespace MLPerfDotnet.Unet3d.Native;

/// <summary>
/// Whether ATen may use oneDNN (MKL-DNN) for CPU operations: <c>torch.backends.mkldnn.enabled</c>, through the exported
/// at::Context::setUserEnabledMkldnn, which TorchSharp 0.107 does not wrap. Off, convolutions take ATen's own kernels.
/// </summary>
public static class OneDnnSwitch
{
    private static readonly GlobalContextFlag Flag =
        new("_ZNK2at7Context17userEnabledMkldnnEv", "_ZN2at7Context20setUserEnabledMkldnnEb");

    public static bool Enabled
    {
        get => Flag.Value;
        set => Flag.Value = value;
    }
}
