using System.Runtime.InteropServices;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// Sets a variable in the process's native environment (libc <c>setenv</c>), where native libraries read it with
/// getenv, and in .NET's copy, which child processes inherit. .NET's own SetEnvironmentVariable reaches only the second.
/// </summary>
public static partial class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        if (SetEnv(name, value, 1) != 0) throw new InvalidOperationException($"setenv({name}) failed: errno {Marshal.GetLastPInvokeError()}");
        Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>The variable as the native environment has it now.</summary>
    public static string? Get(string name) => Marshal.PtrToStringUTF8(GetEnv(name));

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}
