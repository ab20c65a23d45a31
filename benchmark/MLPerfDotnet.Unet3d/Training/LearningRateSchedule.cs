namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// The reference schedule, stepped per epoch: at the start of epoch e (1-based) while e ≤ warmup,
/// lr = init + (base − init)·e/warmup (epoch 1 of lr 0.8 / warmup 200 is 0.0040995); afterwards base,
/// multiplied by the decay factor once for every decay boundary already passed after the warmup (MultiStepLR, stepped after each epoch).
/// </summary>
public sealed record LearningRateSchedule(
    double BaseLearningRate,
    double InitLearningRate,
    int WarmupEpochs,
    IReadOnlyList<int> DecayEpochs,
    double DecayFactor)
{
    public double ForEpoch(int epoch)
    {
        if (epoch < 1) throw new ArgumentOutOfRangeException(nameof(epoch), "Epochs are numbered from 1");
        double lr = epoch <= WarmupEpochs && WarmupEpochs > 0
            ? InitLearningRate + (BaseLearningRate - InitLearningRate) * epoch / WarmupEpochs
            : BaseLearningRate;
        // MultiStepLR is stepped after each epoch, so epoch e has seen every milestone m < e; a decay that
        // lands inside the warmup is overwritten by the next warmup epoch, as in the reference.
        foreach (int milestone in DecayEpochs)
            if (milestone < epoch && milestone >= WarmupEpochs) lr *= DecayFactor;
        return lr;
    }
}
