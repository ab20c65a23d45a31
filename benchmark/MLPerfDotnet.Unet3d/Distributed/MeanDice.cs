namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>Mean Dice over all evaluated cases: each case weighs 1/<see cref="Cases"/>.</summary>
public sealed record MeanDice(double Kidney, double Tumor, int Cases)
{
    /// <summary>The reference's mean_dice: (L1 dice + L2 dice) / 2.</summary>
    public double Mean => (Kidney + Tumor) / 2;
}
