using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.MpiProbe;

/// <summary>The probe's sections by name; each returns the process exit code.</summary>
public static class Sections
{
    public static IReadOnlyDictionary<string, Func<ICommunicator, ProbeOptions, int>> All { get; } =
        new Dictionary<string, Func<ICommunicator, ProbeOptions, int>>(StringComparer.Ordinal)
        {
            ["hello"] = HelloSection.Run,
            ["identical-params"] = TrainingSections.IdenticalParameters,
            ["equivalence"] = TrainingSections.BatchEquivalence,
            ["eval-reduce"] = EvalReduceSection.Run,
            ["fault"] = FaultSection.Run,
            ["shm-reduce"] = ShmReduceSection.Run,
            ["allreduce-bench"] = BenchSections.Allreduce,
            ["step-bench"] = BenchSections.Step,
        };
}
