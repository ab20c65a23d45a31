using System.Runtime.InteropServices;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>A failed MPI call: the function, MPI's error code and MPI's own error string.</summary>
public sealed class MpiException(string function, int errorCode, string mpiMessage)
    : ExternalException($"{function} failed: {mpiMessage} (MPI error code {errorCode})", errorCode)
{
    public string Function { get; } = function;

    public string MpiMessage { get; } = mpiMessage;
}
