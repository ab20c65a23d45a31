using MLPerfDotnet.Unet3d.Numerics;
using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Tests.Numerics;

/// <summary>
/// The fallback logic with injected probe outcomes, so that it is tested on machines whose kernels are right: the
/// order of the settings tried, the first passing one chosen, none passing, a user's cap, an inherited decision.
/// </summary>
public sealed class NumericsGuardTests
{
    private static readonly CpuInfo Zen5 = CpuInfo.Parse("""
        processor	: 0
        vendor_id	: AuthenticAMD
        cpu family	: 26
        model		: 2
        model name	: AMD EPYC
        flags		: fpu sse sse2 ssse3 sse4_1 sse4_2 avx f16c fma avx2 avx_vnni avx512f avx512dq avx512cd avx512bw avx512vl avx512_vnni avx512_bf16

        processor	: 1
        model name	: other
        """);

    private static readonly CpuInfo Zen3 = CpuInfo.Parse("cpu family\t: 25\nmodel\t: 1\nmodel name\t: AMD EPYC 7B13\nflags\t: sse4_1 avx avx2 fma\n");

    private static readonly NumericsSpec[] Specs = [new([4, 8], 2, 16, 8, 16, Precision.Fp32)];

    [Fact]
    public void CpuInfo_ReadsTheFirstProcessor()
    {
        Assert.Equal(("AMD EPYC", 26, 2), (Zen5.ModelName, Zen5.Family, Zen5.Model));
        Assert.Contains("avx512_bf16", Zen5.Flags);
        Assert.Equal("AMD EPYC (family 26 model 2, AVX-512)", Zen5.Describe());
        Assert.Equal("AMD EPYC 7B13 (family 25 model 1, AVX2)", Zen3.Describe());
    }

    [Theory]
    [InlineData("DEFAULT", "DEFAULT,AVX2,AVX,SSE41,oneDNN off")]
    [InlineData("AVX512_CORE_BF16", "AVX512_CORE_BF16,AVX2,AVX,SSE41,oneDNN off")]
    [InlineData("AVX2_VNNI", "AVX2_VNNI,AVX,SSE41,oneDNN off")]
    [InlineData("SSE41", "SSE41,oneDNN off")]
    public void Ladder_StartsAtTheSettingInForce_AndStepsDownOneFamilyAtATime(string before, string expected)
        => Assert.Equal(expected, string.Join(',', NumericsGuard.Ladder(before, Zen5).Select(s => s.Describe())));

    [Fact]
    public void Ladder_SkipsFamiliesTheCpuLacks_AndTreatsACapAboveTheCpuAsItsWidest()
    {
        Assert.Equal("DEFAULT,AVX,SSE41,oneDNN off", string.Join(',', NumericsGuard.Ladder("DEFAULT", Zen3).Select(s => s.Describe())));
        Assert.Equal("AVX512_CORE,AVX,SSE41,oneDNN off", string.Join(',', NumericsGuard.Ladder("AVX512_CORE", Zen3).Select(s => s.Describe())));
    }

    [Fact]
    public void InjectedFailures_AreReportedFailing_AndTheFirstPassingSettingIsChosen()
    {
        var asked = new List<string>();
        var decision = NumericsGuard.Decide(Specs, "DEFAULT", Zen5, s =>
        {
            asked.Add(s.Describe());
            bool bad = s.Isa is "DEFAULT" or "AVX2";
            return new ProbeOutcome(s, !bad, bad ? 0.41 : 2e-6, bad ? "conv3 b2 4→4 @8³ input grad" : "", 0.5, "3.7.1");
        });
        Assert.Equal(["DEFAULT", "AVX2", "AVX"], asked);
        Assert.Equal(new ProbeSetting("AVX"), decision.Chosen);
        Assert.Equal([false, false, true], decision.Tried.Select(t => t.Passed));
        string line = decision.OneLine();
        Assert.StartsWith("numerics: AMD EPYC (family 26 model 2, AVX-512), oneDNN 3.7.1, ONEDNN_MAX_CPU_ISA was DEFAULT: DEFAULT FAILED (worst 0.41 conv3 b2 4→4 @8³ input grad); AVX2 FAILED", line, StringComparison.Ordinal);
        Assert.EndsWith("; using ONEDNN_MAX_CPU_ISA=AVX (self-check 1.5 s)", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void OneDnnOff_IsTheLastResort_AndNothingPassingIsNoChoice()
    {
        var offOnly = NumericsGuard.Decide(Specs, "DEFAULT", Zen5, s => new ProbeOutcome(s, !s.OneDnnEnabled, s.OneDnnEnabled ? 1 : 1e-7, "", 0.1));
        Assert.Equal(ProbeSetting.OneDnnOff("DEFAULT"), offOnly.Chosen);
        Assert.EndsWith("using ATen's kernels (oneDNN off) (self-check 0.5 s)", offOnly.OneLine(), StringComparison.Ordinal);

        var none = NumericsGuard.Decide(Specs, "DEFAULT", Zen5, s => new ProbeOutcome(s, false, double.PositiveInfinity, "x", 0.1, Error: s.Isa == "SSE41" ? "the probe exited 134 without a verdict" : null));
        Assert.Null(none.Chosen);
        Assert.Equal(5, none.Tried.Count);
        Assert.Contains("SSE41 error: the probe exited 134 without a verdict", none.OneLine(), StringComparison.Ordinal);
        Assert.Contains("; no setting passed", none.OneLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnAGpu_OnlyTheSettingInForceIsChecked_AndAFailureIsNoChoice()
    {
        var asked = new List<string>();
        var decision = NumericsGuard.Decide(Specs, "DEFAULT", Zen5, s =>
        {
            asked.Add(s.Describe());
            return new ProbeOutcome(s, false, 0.5, "conv3 b2 4→4 @8³ output", 1);
        }, onCpu: false);
        Assert.Equal(["DEFAULT"], asked);
        Assert.Null(decision.Chosen);
    }

    [Fact]
    public void ThisProcess_TookTheDecisionBeforeTorch_AndAnotherEnsureForCoveredSpecsInheritsItWithoutProbing()
    {
        Assert.NotNull(TestNumerics.Decision);
        Assert.NotNull(TestNumerics.Decision!.Chosen);
        Assert.Equal(NumericsGuard.Encode(TestNumerics.Decision.Chosen!, TestNumerics.Decision.Specs),
            Environment.GetEnvironmentVariable(NumericsGuard.DecisionVariable));
        var again = NumericsGuard.Ensure(TestNumerics.Specs[..2], _ => throw new InvalidOperationException("must not probe"));
        Assert.True(again.Inherited);
        Assert.Equal(TestNumerics.Decision.Chosen, again.Chosen);
        Assert.Equal(TestNumerics.Decision.Chosen!.Isa == OneDnnIsa.Default ? null : TestNumerics.Decision.Chosen.Isa,
            NativeEnvironment.Get(OneDnnIsa.EnvironmentVariable));
    }

    [Fact]
    public void Spec_RoundTripsThroughItsText_AndBadTextIsAFormatError()
    {
        var spec = new NumericsSpec([8, 16, 32], 2, 32, 8, 32, Precision.Bf16);
        Assert.Equal("8,16,32/b2x32/e8x32/bf16", spec.ToString());
        Assert.Equal(spec, NumericsSpec.Parse(spec.ToString()));
        Assert.Contains("'0' is not a positive whole number", Assert.Throws<FormatException>(() => NumericsSpec.Parse("8,0/b2x32/e8x32/fp32")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => NumericsSpec.Parse("8,16/2x32/e8x32/fp32"));
        Assert.Throws<ArgumentException>(() => NumericsSpec.Parse("8,16/b2x32/e8x32/fp64"));
    }

    [Fact]
    public void Plan_CoversEveryLayerOfTheRun_AndTheFirstLayerNeedsNoInputGradient()
    {
        var plan = LayerCasePlan.For(new NumericsSpec([8, 16, 32], 2, 32, 8, 32, Precision.Fp32));
        var training = plan.Where(c => c.Batch == 2).ToArray();
        Assert.Equal(LayerPasses.FirstLayerTraining, training[0].Passes);
        Assert.All(training.Skip(1), c => Assert.Equal(LayerPasses.Training, c.Passes));
        Assert.All(plan.Where(c => c.Batch == 8), c => Assert.Equal(LayerPasses.Inference, c.Passes));
        // 3 levels + bottleneck: 2 input convs, 3 strided + 3 convs, 3 transposed + 6 convs, 1 head, 4 norms, less the
        // 3 decoder convs whose (channels, checked size) an encoder conv already has
        Assert.Equal(19, training.Length);
        Assert.Contains(new LayerCase(LayerKind.StridedConv3, 2, 32, 32, 8), training); // bottleneck at 4³: checked at 4³ (input 8³)
        Assert.Contains(new LayerCase(LayerKind.Conv3, 2, 64, 32, 8), training);
        Assert.Contains(new LayerCase(LayerKind.TransposedConv2, 2, 16, 8, 4), training);
        var reference = LayerCasePlan.For(new NumericsSpec([32, 64, 128, 256, 320], 7, 128, 1, 128, Precision.Fp16));
        Assert.All(reference.Where(c => c.OutChannels > 64), c => Assert.True(c.Spatial <= 2 * LayerCasePlan.WideSpatial));
    }
}
