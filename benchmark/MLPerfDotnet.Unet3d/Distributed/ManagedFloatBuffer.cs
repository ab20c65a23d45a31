namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>A <see cref="FloatBuffer"/> over a pinned managed array (allocated on the pinned object heap, so it never moves).</summary>
public sealed unsafe class ManagedFloatBuffer(int length) : FloatBuffer
{
    private readonly float[] _data = GC.AllocateArray<float>(length, pinned: true);

    public override int Length => _data.Length;

    public override float* Pointer => (float*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_data));

    public override string Placement => "managed";

    public override float[] Array => _data;

    public override void Dispose() { }
}
