namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>The self-check found no oneDNN setting whose arithmetic agrees with fp64, or could not run at all.</summary>
public sealed class NumericsException(string message) : Exception(message);
