using System.Globalization;
using System.Text.Json.Serialization;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// What the numerical self-check found and chose for this process: the CPU, the setting in force before, each setting
/// tried with its outcome, and the one chosen (null when none passed). <see cref="Inherited"/> marks a decision taken by
/// the parent process (campaign orchestrator, rank launcher) for the same specs and passed down in MLPERF_NUMERICS.
/// </summary>
public sealed record NumericsDecision(
    [property: JsonIgnore] CpuInfo Cpu,
    string Before,
    IReadOnlyList<ProbeOutcome> Tried,
    ProbeSetting? Chosen,
    IReadOnlyList<string> Specs,
    bool Inherited = false)
{
    public string CpuDescription => Cpu.Describe();

    public string? OneDnnVersion => Tried.Select(t => t.OneDnnVersion).FirstOrDefault(v => v is not null);

    public double Seconds => Tried.Sum(t => t.Seconds);

    /// <summary>The one line for stderr: CPU, oneDNN, the setting before and after, the worst error, the time.</summary>
    public string OneLine()
    {
        if (Inherited) return $"numerics: {Chosen?.Describe() ?? "none"} as decided by the parent process (MLPERF_NUMERICS)";
        var tried = string.Join("; ", Tried.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Setting.Describe()} {(t.Error is not null ? "error: " + t.Error : t.Passed ? "passed" : "FAILED")} (worst {t.WorstError:G2}{(t.WorstLayer.Length > 0 ? " " + t.WorstLayer : "")})")));
        string verdict = Chosen is null
            ? "no setting passed"
            : Chosen.OneDnnEnabled ? $"using {OneDnnIsa.EnvironmentVariable}={Chosen.Isa}" : "using ATen's kernels (oneDNN off)";
        return string.Create(CultureInfo.InvariantCulture,
            $"numerics: {CpuDescription}, oneDNN {OneDnnVersion ?? "?"}, {OneDnnIsa.EnvironmentVariable} was {Before}: {tried}; {verdict} (self-check {Seconds:F1} s)");
    }
}
