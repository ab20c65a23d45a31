namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>Which computations of a layer a run uses, and so which the self-check compares.</summary>
[Flags]
public enum LayerPasses
{
    Forward = 1,

    /// <summary>backward-data: the gradient with respect to the layer's input (unused for the network's first layer).</summary>
    InputGradient = 2,

    /// <summary>backward-weights: the gradients of the layer's parameters.</summary>
    WeightGradient = 4,

    /// <summary>Evaluation: forward only.</summary>
    Inference = Forward,

    /// <summary>The network's first layer in training: its input needs no gradient.</summary>
    FirstLayerTraining = Forward | WeightGradient,

    Training = Forward | InputGradient | WeightGradient,
}
