using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>A raw record of an RCP JSON file: the name, benchmark, batch size and runs to converge in file order.</summary>
public sealed record RcpRawRecord(string Name, string Benchmark, double BatchSize, IReadOnlyList<double> EpochsToConverge)
{
    /// <summary>The record's <c>Hyperparams</c> as written (log key → value), in file order; empty when it has none.</summary>
    public JsonObject Hyperparameters { get; init; } = new();
}
