using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// Runs the self-check at one setting in a fresh process (<c>mlperf doctor --probe</c>), since oneDNN reads its ISA cap
/// once, at its first use, and a process that has run a convolution cannot change it. The child runs with
/// <c>ONEDNN_MAX_CPU_ISA</c> set (and oneDNN switched off where asked) and ONEDNN_VERBOSE=1, whose header names the
/// oneDNN version and ISA; it prints one JSON line with the verdict. The child dies with this process (its stdin is
/// its lifeline) and is killed after <see cref="Timeout"/>.
/// </summary>
public sealed class ChildProbeRunner(string appPath, IReadOnlyList<NumericsSpec> specs, int threads, string device = "cpu")
{
    public const string ProbeMarker = "MLPERF_PROBE ";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public ProbeOutcome Run(ProbeSetting setting)
    {
        var start = StartInfo(setting);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new NumericsException($"{appPath}: the self-check probe could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            return Failed(setting, clock, $"the probe did not finish in {Timeout.TotalSeconds:F0} s");
        }
        process.WaitForExit();
        return Parse(setting, stdout.Result, stderr.Result, process.ExitCode, clock);
    }

    private ProcessStartInfo StartInfo(ProbeSetting setting)
    {
        var start = Harness.Running.AppCommandLine.StartInfo(appPath, ["doctor", "--probe", .. specs.Select(s => s.ToString()),
            "--threads", threads.ToString(CultureInfo.InvariantCulture), "--device", device, "--onednn", setting.OneDnnEnabled ? "on" : "off"]);
        start.RedirectStandardOutput = start.RedirectStandardError = start.RedirectStandardInput = true;
        if (setting.Isa == OneDnnIsa.Default) start.Environment.Remove(OneDnnIsa.EnvironmentVariable);
        else start.Environment[OneDnnIsa.EnvironmentVariable] = setting.Isa;
        start.Environment["ONEDNN_VERBOSE"] = "1";
        start.Environment.Remove(NumericsGuard.DecisionVariable);
        start.Environment[Harness.Failures.TerminationSignals.LifelineVariable] = "stdin";
        return start;
    }

    /// <summary>Reads the probe's JSON line and the oneDNN verbose header out of its output.</summary>
    public static ProbeOutcome Parse(ProbeSetting setting, string stdout, string stderr, int exitCode, Stopwatch? clock = null)
    {
        string? version = null, isa = null;
        ProbeResultLine? result = null;
        foreach (string line in stdout.Split('\n'))
        {
            if (line.StartsWith("onednn_verbose,", StringComparison.Ordinal) && line.Contains(",info,", StringComparison.Ordinal))
            {
                int v = line.IndexOf("oneDNN v", StringComparison.Ordinal);
                if (v >= 0 && version is null) version = line[(v + 8)..].Split(' ')[0];
                int i = line.IndexOf(",isa:", StringComparison.Ordinal);
                if (i >= 0 && isa is null) isa = line[(i + 5)..].Trim();
            }
            else if (line.StartsWith(ProbeMarker, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<ProbeResultLine>(line[ProbeMarker.Length..]);
            }
        }
        double seconds = clock?.Elapsed.TotalSeconds ?? result?.Seconds ?? 0;
        if (result is null)
        {
            string why = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
            return new ProbeOutcome(setting, false, double.PositiveInfinity, "", seconds, version, isa,
                $"the probe exited {exitCode} without a verdict{(why.Length > 0 ? ": " + why : "")}");
        }
        return new ProbeOutcome(setting, result.Passed, result.Worst, result.Layer, seconds, version, isa);
    }

    private static ProbeOutcome Failed(ProbeSetting setting, Stopwatch clock, string error) =>
        new(setting, false, double.PositiveInfinity, "", clock.Elapsed.TotalSeconds, Error: error);
}
