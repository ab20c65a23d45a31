using MLPerfDotnet.Unet3d.Native;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// <c>with torch.autocast(device_type, dtype)</c>: ops that autocast lists (convolutions, matmuls) run in bf16/fp16
/// and the numerically sensitive ones in fp32, until the region is disposed. The state is per thread, as in PyTorch:
/// enter and leave on the same thread, and run backward outside the region.
/// </summary>
public static class Autocast
{
    public static IDisposable Enter(Precision precision, Device device) =>
        precision == Precision.Fp32 ? NoRegion.Instance : new Region(device.type, PrecisionNames.AutocastType(precision));

    /// <summary>Whether autocast is on for the device type on this thread.</summary>
    public static bool IsEnabled(TorchSharp.DeviceType deviceType) => AutocastNative.IsEnabled(deviceType);

    private sealed class NoRegion : IDisposable
    {
        public static readonly NoRegion Instance = new();

        public void Dispose()
        {
        }
    }

    /// <summary>Saves the previous state, enables autocast with the dtype, and on dispose restores it (torch.autocast's __enter__/__exit__).</summary>
    private sealed class Region : IDisposable
    {
        private readonly TorchSharp.DeviceType _deviceType;
        private readonly bool _previousEnabled;
        private readonly ScalarType _previousType;
        private readonly bool _previousCache;
        private readonly int _threadId = Environment.CurrentManagedThreadId;
        private bool _disposed;

        public Region(TorchSharp.DeviceType deviceType, ScalarType type)
        {
            _deviceType = deviceType;
            _previousCache = AutocastNative.IsCacheEnabled();
            _previousEnabled = AutocastNative.IsEnabled(deviceType);
            _previousType = AutocastNative.GetDtype(deviceType);
            AutocastNative.SetEnabled(deviceType, true);
            AutocastNative.SetDtype(deviceType, type);
            AutocastNative.IncrementNesting();
            AutocastNative.SetCacheEnabled(true);
        }

        public void Dispose()
        {
            if (_disposed) return;
            if (Environment.CurrentManagedThreadId != _threadId)
                throw new InvalidOperationException("an autocast region must be left on the thread that entered it");
            _disposed = true;
            if (AutocastNative.DecrementNesting() == 0) AutocastNative.ClearCache();
            AutocastNative.SetEnabled(_deviceType, _previousEnabled);
            AutocastNative.SetDtype(_deviceType, _previousType);
            AutocastNative.SetCacheEnabled(_previousCache);
        }
    }
}
