namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// How epochs appear in <c>epoch_num</c>/<c>first_epoch_num</c>/<c>epoch_count</c>: plain epochs (the reference
/// code) or samples = epoch × samples_per_epoch (NVIDIA from v3.1 and the 3.1/4.0 RCPs).
/// </summary>
public sealed record EpochNumbering(bool InSamples, int SamplesPerEpoch)
{
    public static EpochNumbering From(string units, int samplesPerEpoch) => units switch
    {
        "samples" => new(true, samplesPerEpoch),
        "epochs" => new(false, samplesPerEpoch),
        _ => throw new ArgumentException($"epoch units must be samples or epochs, not '{units}'", nameof(units)),
    };

    public long Of(int epoch) => InSamples ? (long)epoch * SamplesPerEpoch : epoch;

    /// <summary>The value of epoch_count for a block of <paramref name="epochs"/> epochs.</summary>
    public long Count(int epochs) => InSamples ? (long)epochs * SamplesPerEpoch : epochs;
}
