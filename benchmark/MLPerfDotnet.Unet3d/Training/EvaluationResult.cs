namespace MLPerfDotnet.Unet3d.Training;

/// <summary>Mean Dice over the evaluation cases (each case weighs 1/N), per class and combined.</summary>
public sealed record EvaluationResult(double KidneyDice, double TumorDice, int Cases)
{
    public double MeanDice => (KidneyDice + TumorDice) / 2;
}
