namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// Arithmetic of the forward pass. Fp32 is the reference; Bf16 and Fp16 run the forward under autocast as
/// torch.autocast does (convolutions in the low precision, reductions and the loss in fp32); Fp16 adds dynamic loss
/// scaling as torch.amp.GradScaler does.
/// </summary>
public enum Precision
{
    Fp32,
    Bf16,
    Fp16,
}
