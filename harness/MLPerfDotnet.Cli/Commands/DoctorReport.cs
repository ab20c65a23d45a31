using MLPerfDotnet.Unet3d.Numerics;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>What <c>mlperf doctor</c> found: the machine, the libraries, the self-check at every setting, MPI, CUDA, data.</summary>
public sealed record DoctorReport(
    string Cpu,
    IReadOnlyList<string> CpuFlags,
    int Cores,
    string TorchSharpVersion,
    string? OneDnnVersion,
    string OneDnnIsaInForce,
    string? OneDnnIsaReported,
    string System,
    string Spec,
    IReadOnlyList<ProbeOutcome> SelfCheck,
    string? WouldUse,
    string? Mpi,
    bool CudaAvailable,
    IReadOnlyDictionary<string, string> DataFolders);
