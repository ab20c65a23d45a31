using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Parity;

/// <summary>
/// DiceCE loss and Dice score against the PyTorch reference on a batch of 2 random logits (2×3×8×10×12);
/// sample 1 has no tumour in its label and none predicted, so its tumour Dice is exactly 1.
/// </summary>
[Collection(TorchTestCollection.Name)]
public sealed class LossParityTests
{
    public LossParityTests() => TorchTestCollection.Init();

    [Fact]
    public void DiceCeLossAndItsGradientMatchPyTorch()
    {
        using var fixture = SafeTensors.LoadFixture("loss_score.safetensors");
        using var scope = NewDisposeScope();
        var logits = fixture["logits"].detach().requires_grad_(true);
        var loss = DiceCeLoss.Compute(logits, fixture["label"]);
        TensorAssert.Close(fixture["loss"], loss, 1e-6, "DiceCE loss");
        loss.backward();
        TensorAssert.Close(fixture["grad_logits"], logits.grad!, 1e-5, "d loss / d logits");
    }

    [Fact]
    public void DiceScoreMatchesPyTorchPerClass()
    {
        using var fixture = SafeTensors.LoadFixture("loss_score.safetensors");
        using var scope = NewDisposeScope();
        double[] score = DiceScore.Compute(fixture["logits"], fixture["label"]);
        TensorAssert.Close(fixture["dice"], tensor(score), 1e-6, "Dice score [kidney, tumour]");
    }

    [Fact]
    public void ClassAbsentFromLabelAndPredictionScoresExactlyOne()
    {
        using var fixture = SafeTensors.LoadFixture("loss_score.safetensors");
        using var scope = NewDisposeScope();
        var target = DiceScore.OneHot(fixture["label"].squeeze(1).to(ScalarType.Int64), 3, ScalarType.Float32);
        var prediction = DiceScore.OneHot(fixture["logits"].argmax(1), 3, ScalarType.Float32);
        var perSample = DiceScore.Dice(prediction.narrow(1, 1, 2), target.narrow(1, 1, 2));
        TensorAssert.Close(fixture["dice_per_sample"], perSample, 1e-6, "per-sample Dice");
        Assert.Equal(1.0f, perSample[1, 1].item<float>());
    }
}
