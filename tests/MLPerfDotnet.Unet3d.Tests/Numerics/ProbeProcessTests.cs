using System.Diagnostics;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Unet3d.Numerics;
using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Tests.Numerics;

/// <summary>
/// The self-check in real probe processes: fp32 against fp64 under every oneDNN setting this machine has (each
/// clearly right or clearly wrong, never in between), the implementations it exercises equal to a real training
/// step's, and the fallback of the app itself with failures injected into its probes.
/// </summary>
public sealed class ProbeProcessTests : IDisposable
{
    private static readonly string App = Path.Combine(AppContext.BaseDirectory, "mlperf");
    private static readonly NumericsSpec Tiny = new([4, 8], 2, 16, 8, 16, Precision.Fp32);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EverySettingThisMachineHas_IsClearlyRightOrClearlyWrong_AndTheChosenOnePasses()
    {
        var runner = new ChildProbeRunner(App, [Tiny], threads: 1);
        var outcomes = NumericsGuard.Ladder(OneDnnIsa.Default, CpuInfo.Read()).Select(runner.Run).ToArray();
        Assert.All(outcomes, o => Assert.Null(o.Error));
        // right kernels agree with fp64 to ~1e-6 here; the wrong ones of platform.md §3.6a are off by 0.1 to NaN
        Assert.All(outcomes, o => Assert.True(o.Passed ? o.WorstError <= 1e-5 : o.WorstError >= 1e-3,
            $"{o.Setting.Describe()}: worst {o.WorstError:G3} ({o.WorstLayer}) lies between right and wrong"));
        Assert.Equal("3.7.1", outcomes[0].OneDnnVersion);
        Assert.Contains(outcomes, o => o.Passed);
        var firstPassing = outcomes.First(o => o.Passed).Setting;
        Assert.Equal(firstPassing, NumericsGuard.Decide([Tiny], OneDnnIsa.Default, CpuInfo.Read(), runner.Run).Chosen);
    }

    [Fact]
    public void TheCheck_RunsTheSameOneDnnImplementations_AsARealTrainingStep()
    {
        string isa = OneDnnIsa.InForce();
        var spec = new NumericsSpec([8, 16, 32], 2, 32, 2, 32, Precision.Fp32);
        string check = Output(App, ["doctor", "--probe", spec.ToString(), "--threads", "1"], isa);
        string step = Output(App, ["bench", "gpu", "--device", "cpu", "--precisions", "fp32", "--batch", "2", "--size", "32",
            "--filters", "8", "16", "32", "--steps", "1", "--warmup", "0", "--eval-volumes", "0", "--threads", "1"], isa);
        var inStep = Implementations(step);
        Assert.NotEmpty(inStep);
        Assert.Equal(inStep, Implementations(check).Where(inStep.Contains).ToHashSet()); // every kernel of the step is checked
        Assert.DoesNotContain(Implementations(check).Except(inStep), i => !i.StartsWith("forward_inference", StringComparison.Ordinal));
    }

    [Fact]
    public void OneDnnOff_RunsNoOneDnnConvolution_AndStillPasses()
    {
        string isa = OneDnnIsa.InForce();
        string output = Output(App, ["doctor", "--probe", Tiny.ToString(), "--threads", "1", "--onednn", "off"], isa);
        Assert.Empty(Implementations(output));
        Assert.Contains("\"passed\":true", output, StringComparison.Ordinal);
    }

    [Fact]
    public void InjectedFailures_MakeTheAppFallBack_AndNamesWhatItChose()
    {
        string systems = Directory.CreateDirectory(Path.Combine(_temp.Path, "systems")).FullName;
        TinySystem.Write(systems, Path.Combine(_temp.Path, "data"), maxEpochs: 1, qualityThreshold: 0.999);
        var ladder = NumericsGuard.Ladder(OneDnnIsa.Default, CpuInfo.Read()).ToArray();
        var (code, stderr) = Mlperf(systems, ladder[0].Isa, "doctor", "--system", TinySystem.Name);
        Assert.Equal(0, code);

        (code, stderr) = Mlperf(systems, $"{ladder[0].Isa},{ladder[1].Isa}", "prepare", "--system", TinySystem.Name);
        Assert.Equal(0, code);
        (code, stderr) = Mlperf(systems, $"{ladder[0].Isa},{ladder[1].Isa}", "run", "--system", TinySystem.Name, "--seed", "3");
        string line = Assert.Single(stderr.Split('\n'), l => l.StartsWith("numerics: ", StringComparison.Ordinal));
        Assert.Contains($"{ladder[0].Describe()} FAILED (worst Infinity injected failure); {ladder[1].Describe()} FAILED", line, StringComparison.Ordinal);
        Assert.Contains("; using ONEDNN_MAX_CPU_ISA=", line, StringComparison.Ordinal);
        Assert.Equal(0, code);

        (code, stderr) = Mlperf(systems, "DEFAULT,AVX512_CORE,AVX2,AVX,SSE41,off", "run", "--system", TinySystem.Name, "--seed", "3");
        Assert.Equal((int)ExitCode.WrongArithmetic, code);
        string error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("no setting passed", error, StringComparison.Ordinal);
        Assert.Contains("run 'mlperf doctor'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stderr) Mlperf(string systems, string inject, params string[] args)
    {
        var start = new ProcessStartInfo(App) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment["MLPERF_SYSTEMS_DIR"] = systems;
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["MLPERF_SELFCHECK_FAIL"] = inject;
        start.Environment.Remove(NumericsGuard.DecisionVariable); // decide afresh, as a user's first run does
        start.Environment.Remove(OneDnnIsa.EnvironmentVariable);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(4)), $"mlperf {string.Join(' ', args)} did not end");
        _ = stdout.Result;
        return (process.ExitCode, stderr);
    }

    private static string Output(string app, string[] args, string isa)
    {
        var start = new ProcessStartInfo(app) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) start.ArgumentList.Add(a);
        if (isa == OneDnnIsa.Default) start.Environment.Remove(OneDnnIsa.EnvironmentVariable);
        else start.Environment[OneDnnIsa.EnvironmentVariable] = isa;
        start.Environment["ONEDNN_VERBOSE"] = "1";
        start.Environment[NumericsGuard.SkipVariable] = "skip"; // keep the ISA under test as it is
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"mlperf {string.Join(' ', args)} did not end");
        Assert.True(process.ExitCode == 0, $"mlperf {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    /// <summary>"prop impl mb ic oc kernel stride" of every convolution and deconvolution oneDNN ran.</summary>
    private static HashSet<string> Implementations(string verbose)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in verbose.Split('\n'))
        {
            string[] f = line.Split(',');
            if (f.Length < 10 || f[2] != "primitive" || f[3] != "exec" || f[5] is not ("convolution" or "deconvolution")) continue;
            var m = System.Text.RegularExpressions.Regex.Match(f[^2], @"mb(\d+)_ic(\d+)oc(\d+)_id\d+od\d+kd(\d+)sd(\d+)");
            found.Add($"{f[7]} {f[5]} {f[6]} mb{m.Groups[1]} {m.Groups[2]}->{m.Groups[3]} k{m.Groups[4]} s{m.Groups[5]}");
        }
        return found;
    }
}
