using MLPerfDotnet.Unet3d.Native;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// Makes sure this process computes right before any training, evaluation or benchmark touches a model (platform.md
/// §3.6a: on some CPUs oneDNN's convolution backward returns wrong gradients). It must run before the first torch call
/// of the process. It checks the layers of the given specs at the oneDNN setting in force (the user's
/// <c>ONEDNN_MAX_CPU_ISA</c>, else none), and where they fail, at each lower ISA family the CPU has, then with oneDNN
/// off, each in a probe process (<see cref="ChildProbeRunner"/>); the first that passes is set in this process's native
/// environment before libtorch loads, and passed to child processes (ranks, campaign runs) in
/// <see cref="DecisionVariable"/>, so they make the same choice without checking again. If none passes it throws.
/// </summary>
public static class NumericsGuard
{
    /// <summary>Carries a decision to child processes: <c>ISA|on|SPEC;SPEC</c> (or <c>|off|</c> for oneDNN off).</summary>
    public const string DecisionVariable = "MLPERF_NUMERICS";

    /// <summary>Setting this to "skip" turns the self-check off (documented as unsafe; for bisecting a fault by hand).</summary>
    public const string SkipVariable = "MLPERF_SELFCHECK";

    /// <summary>
    /// Decides (or takes the parent's decision), applies it, loads libtorch, and returns what was decided; writes the
    /// one-line summary to <paramref name="report"/> unless the decision was inherited. On a GPU
    /// (<paramref name="onCpu"/> false) oneDNN does not compute the model, so only the setting in force is checked.
    /// </summary>
    public static NumericsDecision Ensure(IReadOnlyList<NumericsSpec> specs, Func<ProbeSetting, ProbeOutcome> probe, TextWriter? report = null,
        bool onCpu = true)
    {
        var cpu = CpuInfo.Read();
        string before = OneDnnIsa.InForce();
        var decision = Inherited(specs, before, cpu)
            ?? (Environment.GetEnvironmentVariable(SkipVariable) == "skip"
                ? new NumericsDecision(cpu, before, [], new ProbeSetting(before), [], Inherited: false)
                : Decide(specs, before, cpu, probe, onCpu));
        if (!decision.Inherited) report?.WriteLine(decision.OneLine());
        if (decision.Chosen is null)
            throw new NumericsException(decision.OneLine() + "; run 'mlperf doctor' for the details");
        Apply(decision, before);
        return decision;
    }

    /// <summary>
    /// Tries the setting in force, then (on the CPU) each lower ISA family the CPU has, then oneDNN off; stops at the
    /// first pass.
    /// </summary>
    public static NumericsDecision Decide(IReadOnlyList<NumericsSpec> specs, string before, CpuInfo cpu, Func<ProbeSetting, ProbeOutcome> probe,
        bool onCpu = true)
    {
        var tried = new List<ProbeOutcome>();
        foreach (var setting in onCpu ? Ladder(before, cpu) : [new ProbeSetting(before)])
        {
            var outcome = probe(setting);
            tried.Add(outcome);
            if (outcome.Passed) return new NumericsDecision(cpu, before, tried, setting, specs.Select(s => s.ToString()).ToArray());
        }
        return new NumericsDecision(cpu, before, tried, null, specs.Select(s => s.ToString()).ToArray());
    }

    /// <summary>The settings to try, in order: <paramref name="before"/>, the lower families, oneDNN off.</summary>
    public static IEnumerable<ProbeSetting> Ladder(string before, CpuInfo cpu)
    {
        yield return new ProbeSetting(before);
        foreach (string isa in OneDnnIsa.Below(before, cpu)) yield return new ProbeSetting(isa);
        yield return ProbeSetting.OneDnnOff(before);
    }

    /// <summary>The text of <see cref="DecisionVariable"/> for a decision.</summary>
    public static string Encode(ProbeSetting chosen, IEnumerable<string> specs) =>
        $"{chosen.Isa}|{(chosen.OneDnnEnabled ? "on" : "off")}|{string.Join(';', specs)}";

    private static NumericsDecision? Inherited(IReadOnlyList<NumericsSpec> specs, string before, CpuInfo cpu)
    {
        if (Environment.GetEnvironmentVariable(DecisionVariable) is not { Length: > 0 } text) return null;
        string[] parts = text.Split('|');
        if (parts.Length != 3 || parts[0] != before) return null;
        var covered = parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (!specs.All(s => covered.Contains(s.ToString()))) return null;
        var chosen = new ProbeSetting(parts[0], parts[1] != "off");
        return new NumericsDecision(cpu, before, [], chosen, covered.Order(StringComparer.Ordinal).ToArray(), Inherited: true);
    }

    private static void Apply(NumericsDecision decision, string before)
    {
        var chosen = decision.Chosen!;
        if (chosen.Isa != before) NativeEnvironment.Set(OneDnnIsa.EnvironmentVariable, chosen.Isa);
        NativeEnvironment.Set(DecisionVariable, Encode(chosen, decision.Specs));
        TorchNative.EnsureLoaded();
        if (!chosen.OneDnnEnabled) OneDnnSwitch.Enabled = false;
    }
}
