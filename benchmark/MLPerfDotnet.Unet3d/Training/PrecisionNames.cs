using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>The run config's spelling of <see cref="Precision"/>: "fp32", "bf16", "fp16".</summary>
public static class PrecisionNames
{
    public static Precision Parse(string text) => text switch
    {
        "fp32" => Precision.Fp32,
        "bf16" => Precision.Bf16,
        "fp16" => Precision.Fp16,
        _ => throw new ArgumentException($"precision '{text}' is not one of fp32, bf16, fp16", nameof(text)),
    };

    public static string Name(Precision precision) => precision switch
    {
        Precision.Fp32 => "fp32",
        Precision.Bf16 => "bf16",
        Precision.Fp16 => "fp16",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    /// <summary>The autocast dtype of a precision (Float32 for fp32, which runs without autocast).</summary>
    public static ScalarType AutocastType(Precision precision) => precision switch
    {
        Precision.Fp32 => ScalarType.Float32,
        Precision.Bf16 => ScalarType.BFloat16,
        Precision.Fp16 => ScalarType.Float16,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };
}
