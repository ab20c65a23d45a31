namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>One oneDNN setting the self-check can try: an ISA cap (<see cref="OneDnnIsa.Default"/> for none) or oneDNN off.</summary>
public sealed record ProbeSetting(string Isa, bool OneDnnEnabled = true)
{
    public static ProbeSetting OneDnnOff(string isa) => new(isa, OneDnnEnabled: false);

    public string Describe() => OneDnnEnabled ? Isa : "oneDNN off";
}
