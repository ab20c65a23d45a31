using System.Diagnostics;
using MLPerfDotnet.Compliance.Engine;

namespace MLPerfDotnet.Compliance.Report;

/// <summary>
/// <c>mlperf check ROOT --bench N</c> (hidden): checks every result_*.txt below ROOT, N rounds, in one process,
/// each with the ruleset of its round folder (v3.0 -> 3.0.0 ...), and prints wall time and peak memory.
/// </summary>
public static class CheckBenchmark
{
    public static int Run(TextWriter o, string root, int rounds, string fallbackRuleset)
    {
        var files = Directory.Exists(root) || File.Exists(root) ? CheckTargets.FindRecursive(root) : [];
        if (files.Count == 0)
        {
            o.WriteLine($"no {CheckTargets.ResultPattern} files below {root}");
            return CheckExitCode.UnusableInput;
        }
        var rulesets = files.Select(f => CheckTargets.RulesetFromPath(f, fallbackRuleset)).ToList();
        var startup = Stopwatch.StartNew();
        foreach (string r in rulesets.Distinct()) ComplianceChecker.ForRuleset(r);
        double loadMs = startup.Elapsed.TotalMilliseconds;
        var rulesetOf = files.Select((f, i) => (f, rulesets[i])).ToDictionary(p => p.f, p => p.Item2, StringComparer.Ordinal);
        long allocatedBefore = GC.GetTotalAllocatedBytes();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        int passed = 0, checkedCount = 0;
        var clock = Stopwatch.StartNew();
        for (int round = 0; round < rounds; round++)
        {
            var reports = CheckRunner.CheckFiles(files, f => ComplianceChecker.ForRuleset(rulesetOf[f]));
            passed += reports.Count(r => r.Pass);
            checkedCount += reports.Length;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        o.WriteLine($"checked {checkedCount} logs ({files.Count} files x {rounds} rounds, {Environment.ProcessorCount} cores), {passed} pass");
        o.WriteLine($"rule loading: {loadMs:F0} ms; checking: {seconds:F3} s wall, {cpu:F3} s CPU ({1000 * seconds / checkedCount:F2} ms wall per log)");
        o.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1048576.0:F1} MiB; managed heap now: {GC.GetTotalMemory(false) / 1048576.0:F1} MiB; allocated while checking: {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0:F0} MiB");
        return CheckExitCode.AllPass;
    }
}
