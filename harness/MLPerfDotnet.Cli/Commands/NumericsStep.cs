using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Unet3d.Numerics;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// The numerical self-check as the commands run it before they touch a model (train, run, bench, the campaign
/// orchestrator): probes through this app, the one-line summary on stderr, and no passing setting as exit code 7.
/// </summary>
public static class NumericsStep
{
    public static NumericsDecision Ensure(RunConfig config) =>
        Ensure([RunNumerics.SpecOf(config)], config.TorchThreads, config.Device.StartsWith("cuda", StringComparison.Ordinal) ? config.Device : "cpu");

    public static NumericsDecision Ensure(IReadOnlyList<NumericsSpec> specs, int threads, string device = "cpu")
    {
        var probes = new ChildProbeRunner(Defaults.AppPath, specs, threads, device);
        try
        {
            return NumericsGuard.Ensure(specs, probes.Run, Console.Error, onCpu: !device.StartsWith("cuda", StringComparison.Ordinal));
        }
        catch (NumericsException e)
        {
            throw new MlperfException(ExitCode.WrongArithmetic, e.Message);
        }
    }
}
