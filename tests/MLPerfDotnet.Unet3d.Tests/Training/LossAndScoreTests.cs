using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Training;

[Collection(TorchTestCollection.Name)]
public sealed class LossAndScoreTests
{
    public LossAndScoreTests() => TorchTestCollection.Init();

    [Fact]
    public void PerfectPredictionScoresOneAndAbsentClassesScoreOne()
    {
        using var scope = NewDisposeScope();
        var labels = zeros([1, 1, 4, 4, 4], ScalarType.Byte);
        labels[0, 0, 0, 0, 0] = tensor((byte)1);
        var logits = zeros([1, 3, 4, 4, 4]);
        logits[0, 0] = ones([4, 4, 4]);
        logits[0, 1, 0, 0, 0] = tensor(5f);
        double[] dice = DiceScore.Compute(logits, labels);
        Assert.Equal(1.0, dice[0], 12);
        Assert.Equal(1.0, dice[1], 12); // tumour absent in both: (0 + 1e-6) / (0 + 1e-6)
    }

    [Fact]
    public void DiceUsesPlainSumsWithSmoothing()
    {
        using var scope = NewDisposeScope();
        // target kidney in 2 voxels, prediction kidney in 1 of them and 1 other: dice = 2*1/(2+2)
        var labels = zeros([1, 1, 1, 1, 4], ScalarType.Byte);
        labels[0, 0, 0, 0, 0] = tensor((byte)1);
        labels[0, 0, 0, 0, 1] = tensor((byte)1);
        var logits = zeros([1, 3, 1, 1, 4]);
        logits[0, 0, 0, 0, 1] = tensor(9f);
        logits[0, 0, 0, 0, 3] = tensor(9f);
        logits[0, 1, 0, 0, 0] = tensor(9f);
        logits[0, 1, 0, 0, 2] = tensor(9f);
        double[] dice = DiceScore.Compute(logits, labels);
        Assert.Equal((2 * 1 + 1e-6) / (2 + 2 + 1e-6), dice[0], 6);
    }

    [Fact]
    public void LossIsTheMeanOfSoftDiceLossAndCrossEntropy()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var logits = randn([2, 3, 4, 4, 4]);
        var labels = randint(0, 3, [2, 1, 4, 4, 4]).to(ScalarType.Byte);
        double loss = DiceCeLoss.Compute(logits, labels).item<float>();
        var ce = nn.functional.cross_entropy(logits, labels.squeeze(1).to(ScalarType.Int64)).item<float>();
        var p = nn.functional.softmax(logits, 1);
        var t = nn.functional.one_hot(labels.squeeze(1).to(ScalarType.Int64), 3).permute(0, 4, 1, 2, 3).to(ScalarType.Float32);
        double diceLoss = 0;
        for (int n = 0; n < 2; n++)
            for (int c = 1; c < 3; c++)
            {
                double inter = (p[n, c] * t[n, c]).sum().item<float>();
                double sums = p[n, c].sum().item<float>() + t[n, c].sum().item<float>();
                diceLoss += 1 - (2 * inter + 1e-6) / (sums + 1e-6);
            }
        Assert.Equal((diceLoss / 4 + ce) / 2, loss, 5);
    }
}
