namespace MLPerfDotnet.Unet3d.Native;

/// <summary>
/// Whether ATen may use oneDNN (MKL-DNN) for CPU operations: <c>torch.backends.mkldnn.enabled</c>, through the exported
/// at::Context::setUserEnabledMkldnn, which TorchSharp 0.107 does not wrap. Off, convolutions take ATen's own kernels.
/// </summary>
public static unsafe class OneDnnSwitch
{
    private static readonly delegate* unmanaged<IntPtr> GlobalContextFn =
        (delegate* unmanaged<IntPtr>)LibTorchExports.Get("_ZN2at13globalContextEv");

    private static readonly delegate* unmanaged<IntPtr, byte, void> SetEnabledFn =
        (delegate* unmanaged<IntPtr, byte, void>)LibTorchExports.Get("_ZN2at7Context20setUserEnabledMkldnnEb");

    private static readonly delegate* unmanaged<IntPtr, byte> GetEnabledFn =
        (delegate* unmanaged<IntPtr, byte>)LibTorchExports.Get("_ZNK2at7Context17userEnabledMkldnnEv");

    public static bool Enabled
    {
        get => GetEnabledFn(GlobalContextFn()) != 0;
        set => SetEnabledFn(GlobalContextFn(), value ? (byte)1 : (byte)0);
    }
}
