namespace MLPerfDotnet.Unet3d.Training;

/// <summary>How a training run ended: success at the quality target, or aborted (diverged, max epochs, error).</summary>
public sealed record RunOutcome(bool Success, int Epochs, double LastMeanDice, string Reason)
{
    public string Status => Success ? "success" : "aborted";
}
