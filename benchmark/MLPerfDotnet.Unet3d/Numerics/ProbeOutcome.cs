namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// The self-check at one setting: passed or not, the worst layer and its relative error, how long it took, the oneDNN
/// version and ISA the probe reported, and an error where the probe itself failed.
/// </summary>
public sealed record ProbeOutcome(ProbeSetting Setting, bool Passed, double WorstError, string WorstLayer, double Seconds,
    string? OneDnnVersion = null, string? OneDnnIsaReported = null, string? Error = null);
