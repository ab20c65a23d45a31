namespace MLPerfDotnet.Unet3d.Native;

/// <summary>
/// libtorch's autocast state (thread-local, as in PyTorch), through the exported at::autocast functions that
/// torch.autocast calls. c10::DeviceType and c10::ScalarType are int8 enums; C++ bool is one byte.
/// </summary>
internal static unsafe class AutocastNative
{
    private static readonly delegate* unmanaged<sbyte, byte> IsEnabledFn =
        (delegate* unmanaged<sbyte, byte>)LibTorchExports.Get("_ZN2at8autocast19is_autocast_enabledEN3c1010DeviceTypeE");

    private static readonly delegate* unmanaged<sbyte, byte, void> SetEnabledFn =
        (delegate* unmanaged<sbyte, byte, void>)LibTorchExports.Get("_ZN2at8autocast20set_autocast_enabledEN3c1010DeviceTypeEb");

    private static readonly delegate* unmanaged<sbyte, sbyte> GetDtypeFn =
        (delegate* unmanaged<sbyte, sbyte>)LibTorchExports.Get("_ZN2at8autocast18get_autocast_dtypeEN3c1010DeviceTypeE");

    private static readonly delegate* unmanaged<sbyte, sbyte, void> SetDtypeFn =
        (delegate* unmanaged<sbyte, sbyte, void>)LibTorchExports.Get("_ZN2at8autocast18set_autocast_dtypeEN3c1010DeviceTypeENS1_10ScalarTypeE");

    private static readonly delegate* unmanaged<int> IncrementNestingFn =
        (delegate* unmanaged<int>)LibTorchExports.Get("_ZN2at8autocast17increment_nestingEv");

    private static readonly delegate* unmanaged<int> DecrementNestingFn =
        (delegate* unmanaged<int>)LibTorchExports.Get("_ZN2at8autocast17decrement_nestingEv");

    private static readonly delegate* unmanaged<void> ClearCacheFn =
        (delegate* unmanaged<void>)LibTorchExports.Get("_ZN2at8autocast11clear_cacheEv");

    private static readonly delegate* unmanaged<byte> IsCacheEnabledFn =
        (delegate* unmanaged<byte>)LibTorchExports.Get("_ZN2at8autocast25is_autocast_cache_enabledEv");

    private static readonly delegate* unmanaged<byte, void> SetCacheEnabledFn =
        (delegate* unmanaged<byte, void>)LibTorchExports.Get("_ZN2at8autocast26set_autocast_cache_enabledEb");

    public static bool IsEnabled(TorchSharp.DeviceType device) => IsEnabledFn((sbyte)device) != 0;

    public static void SetEnabled(TorchSharp.DeviceType device, bool enabled) => SetEnabledFn((sbyte)device, enabled ? (byte)1 : (byte)0);

    public static TorchSharp.torch.ScalarType GetDtype(TorchSharp.DeviceType device) => (TorchSharp.torch.ScalarType)GetDtypeFn((sbyte)device);

    public static void SetDtype(TorchSharp.DeviceType device, TorchSharp.torch.ScalarType dtype) => SetDtypeFn((sbyte)device, (sbyte)dtype);

    public static int IncrementNesting() => IncrementNestingFn();

    public static int DecrementNesting() => DecrementNestingFn();

    public static void ClearCache() => ClearCacheFn();

    public static bool IsCacheEnabled() => IsCacheEnabledFn() != 0;

    public static void SetCacheEnabled(bool enabled) => SetCacheEnabledFn(enabled ? (byte)1 : (byte)0);
}
