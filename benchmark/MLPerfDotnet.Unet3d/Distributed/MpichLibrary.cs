using System.Reflection;
using System.Runtime.InteropServices;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// MPI.NET 1.4.0 is built for Windows MS-MPI: its P/Invokes import <c>msmpi.dll</c>. MPICH keeps the same integer
/// handle ABI, so mapping that name to <c>libmpich.so.12</c> makes the package work on Linux. The resolver is
/// registered once per process, before the first MPI.NET call (platform.md §4.3).
/// </summary>
public static class MpichLibrary
{
    public const string SharedObject = "libmpich.so.12";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers the msmpi.dll → libmpich.so.12 mapping on the MPI.NET assembly (idempotent).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered) return;
            NativeLibrary.SetDllImportResolver(typeof(MPI.Environment).Assembly, Resolve);
            _registered = true;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!libraryName.StartsWith("msmpi", StringComparison.OrdinalIgnoreCase)) return IntPtr.Zero;
        if (NativeLibrary.TryLoad(SharedObject, out var handle)) return handle;
        throw new DllNotFoundException(
            $"MPI.NET needs MPICH's {SharedObject} (mapped from {libraryName}); install MPICH (apt-get install mpich libmpich-dev)");
    }
}
