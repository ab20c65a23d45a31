namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// One allreduce: the contiguous range [<see cref="Offset"/>, Offset + <see cref="Count"/>) of the flat buffer,
/// holding the gradients of parameters [<see cref="FirstEntry"/>, FirstEntry + <see cref="EntryCount"/>) of the layout.
/// </summary>
public sealed record GradientBucket(int Offset, int Count, int FirstEntry, int EntryCount);
