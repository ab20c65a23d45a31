using System.Text.Json.Serialization;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>The JSON a probe process prints after <see cref="ChildProbeRunner.ProbeMarker"/>.</summary>
public sealed record ProbeResultLine(
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("worst"), JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double Worst,
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("seconds")] double Seconds);
