using System.Runtime.InteropServices;
using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

/// <summary>A <see cref="FloatBuffer"/> in unmanaged memory with no managed array behind it, like a shared-window segment.</summary>
public sealed unsafe class NativeFloatBuffer : FloatBuffer
{
    private float* _memory;

    public NativeFloatBuffer(int length)
    {
        Length = length;
        _memory = (float*)NativeMemory.AlignedAlloc((nuint)Math.Max(1, length) * sizeof(float), 64);
        Span.Clear();
    }

    public override int Length { get; }

    public override float* Pointer => _memory != null ? _memory : throw new ObjectDisposedException(nameof(NativeFloatBuffer));

    public override string Placement => "native";

    public override void Dispose()
    {
        NativeMemory.AlignedFree(_memory);
        _memory = null;
    }
}
