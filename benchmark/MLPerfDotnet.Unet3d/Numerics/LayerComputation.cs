using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>What one layer computed: its output and, where the passes ask for them, the gradients (all fp64 on the CPU).</summary>
public sealed record LayerComputation(Tensor Output, Tensor? InputGradient, Tensor? WeightGradient, Tensor? BiasGradient);
