using System.Globalization;
using System.Text.Json;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Unet3d.Numerics;
using static TorchSharp.torch;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf doctor --probe SPEC...</c>: the self-check in this process at the oneDNN setting of its environment (what
/// <see cref="ChildProbeRunner"/> starts); prints one line <c>MLPERF_PROBE {json}</c>, with <c>--layers</c> each layer too.
/// <see cref="InjectVariable"/> makes it report named settings failing, so the fallback can be tested on any CPU.
/// </summary>
public static class DoctorProbe
{
    /// <summary>A comma-separated list of settings (ISA caps as given, "off" for oneDNN off) to report failing; for tests.</summary>
    public const string InjectVariable = "MLPERF_SELFCHECK_FAIL";

    public static int Run(IReadOnlyList<string> specTexts, int threads, string device, bool oneDnn, bool layers)
    {
        using var signals = TerminationSignals.Install();
        using var stop = signals.Token.Register(() => Environment.Exit((int)(signals.Received ?? ExitCode.HangUp)));
        NumericsSpec[] specs;
        try
        {
            specs = specTexts.Select(NumericsSpec.Parse).ToArray();
        }
        catch (FormatException e)
        {
            throw new MlperfException(ExitCode.BadInput, e.Message);
        }
        Unet3d.Native.TorchNative.EnsureLoaded();
        if (threads > 0) set_num_threads(threads);
        if (!oneDnn) Unet3d.Native.OneDnnSwitch.Enabled = false;
        var report = GradientSelfCheck.Run(LayerCasePlan.For(specs), new Device(device));
        if (layers)
            foreach (var l in report.Layers)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{l.Case.Describe(),-34} output {l.Output:E2}  input grad {l.InputGradient:E2}  weight grad {l.WeightGradient:E2}"));
        var worst = report.Worst;
        var line = new ProbeResultLine(report.Passed, report.WorstError, worst is null ? "" : $"{worst.Case.Describe()} {worst.Worst}", report.Elapsed.TotalSeconds);
        string setting = oneDnn ? OneDnnIsa.InForce() : "off";
        if ((Environment.GetEnvironmentVariable(InjectVariable) ?? "").Split(',').Contains(setting))
            line = line with { Passed = false, Worst = double.PositiveInfinity, Layer = "injected failure" };
        Console.Out.Flush();
        Console.WriteLine(ChildProbeRunner.ProbeMarker + JsonSerializer.Serialize(line));
        return (int)ExitCode.Success;
    }
}
