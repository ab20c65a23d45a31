namespace MLPerfDotnet.Unet3d.Native;

/// <summary>
/// A bool switch of libtorch's global <c>at::Context</c> (cudnn.benchmark, mkldnn enabled, ...) through its exported
/// getter and setter, looked up by mangled name when the flag is created.
/// </summary>
internal sealed unsafe class GlobalContextFlag
{
    private static readonly delegate* unmanaged<IntPtr> GlobalContext =
        (delegate* unmanaged<IntPtr>)LibTorchExports.Get("_ZN2at13globalContextEv");

    private readonly delegate* unmanaged<IntPtr, byte> _get;
    private readonly delegate* unmanaged<IntPtr, byte, void> _set;

    public GlobalContextFlag(string mangledGetter, string mangledSetter)
    {
        _get = (delegate* unmanaged<IntPtr, byte>)LibTorchExports.Get(mangledGetter);
        _set = (delegate* unmanaged<IntPtr, byte, void>)LibTorchExports.Get(mangledSetter);
    }

    public bool Value
    {
        get => _get(GlobalContext()) != 0;
        set => _set(GlobalContext(), value ? (byte)1 : (byte)0);
    }
}
