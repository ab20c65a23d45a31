namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// The oneDNN instruction-set caps the fallback steps through (values of <c>ONEDNN_MAX_CPU_ISA</c>), widest first.
/// oneDNN's finer caps (AVX512_CORE_VNNI, _BF16, _AMX, AVX2_VNNI, ...) add int8, bf16 and fp16 kernels to a family but
/// keep its fp32 kernels (ONEDNN_VERBOSE names jit:avx512_core for fp32 convolutions under each AVX-512 cap), so the
/// fallback moves a whole family down at a time.
/// </summary>
public static class OneDnnIsa
{
    public const string EnvironmentVariable = "ONEDNN_MAX_CPU_ISA";

    public const string Default = "DEFAULT";

    /// <summary>The cap in force in this process: <c>ONEDNN_MAX_CPU_ISA</c> as its environment has it, else <see cref="Default"/>.</summary>
    public static string InForce() => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cap ? cap : Default;

    /// <summary>The families, widest first, with the /proc/cpuinfo flags each needs.</summary>
    public static IReadOnlyList<(string Name, string[] Flags)> Families { get; } =
    [
        ("AVX512_CORE", ["avx512f", "avx512bw", "avx512vl", "avx512dq"]),
        ("AVX2", ["avx2", "fma"]),
        ("AVX", ["avx"]),
        ("SSE41", ["sse4_1"]),
    ];

    /// <summary>
    /// The family index of a cap (0 AVX-512 ... 3 SSE41) by the name's start (AVX2_VNNI is AVX2); DEFAULT, ALL or a cap
    /// above the CPU's widest family is that family.
    /// </summary>
    public static int FamilyOf(string cap, CpuInfo cpu)
    {
        string name = cap.ToUpperInvariant();
        int family = name.StartsWith("AVX512", StringComparison.Ordinal) || name.StartsWith("AVX10", StringComparison.Ordinal) ? 0
            : name.StartsWith("AVX2", StringComparison.Ordinal) ? 1
            : name.StartsWith("AVX", StringComparison.Ordinal) ? 2
            : name.StartsWith("SSE", StringComparison.Ordinal) ? 3
            : 0;
        // A cap above what the CPU has acts as the CPU's widest family.
        return Math.Max(family, WidestSupported(cpu));
    }

    /// <summary>The caps below <paramref name="cap"/> that the CPU has, widest first.</summary>
    public static IReadOnlyList<string> Below(string cap, CpuInfo cpu)
    {
        int from = FamilyOf(cap, cpu);
        return Enumerable.Range(from + 1, Math.Max(0, Families.Count - from - 1))
            .Where(i => Supports(cpu, i)).Select(i => Families[i].Name).ToArray();
    }

    private static bool Supports(CpuInfo cpu, int family) => cpu.Flags.Count == 0 || Families[family].Flags.All(cpu.Flags.Contains);

    private static int WidestSupported(CpuInfo cpu)
    {
        for (int i = 0; i < Families.Count; i++) if (Supports(cpu, i)) return i;
        return Families.Count - 1;
    }
}
