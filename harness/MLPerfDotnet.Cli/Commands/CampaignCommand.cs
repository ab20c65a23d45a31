using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MLPerfDotnet.Compliance.SystemDescription;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Running;
using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Unet3d.Numerics;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf run --runs N --out DIR</c>: N seeded timed runs of a system, each a child <c>mlperf run</c> process
/// under the orchestrator's watchdog, written as <c>DIR/&lt;org&gt;/results/&lt;system&gt;/unet3d/result_NN.txt</c> with
/// the system description copied to <c>DIR/&lt;org&gt;/systems/</c>. Re-running resumes at the first missing result.
/// </summary>
public static class CampaignCommand
{
    /// <summary>The ruleset the system description is checked against before the first run.</summary>
    public const string Ruleset = "4.0.0";

    public static int Run(string system, int runs, IReadOnlyList<long>? seeds, string outDir, TimeSpan watchdog, string? dataDir, IReadOnlyList<string> overrides)
    {
        using var signals = TerminationSignals.Install();
        using var loggers = CliLogging.Create();
        var logger = loggers.CreateLogger("mlperf.run");
        RunConfig config = SystemConfigLoader.LoadConfig(Defaults.SystemsDir, system, overrides);
        ClosedDivisionGate.Enforce(config, system, config.Ranks, overrides);
        string description = SystemConfigLoader.DescriptionPath(Defaults.SystemsDir, system);
        if (File.Exists(description) && SystemDescriptionChecker.Check(description, Ruleset) is { Valid: false } invalid)
            throw new MlperfException(ExitCode.BadInput, $"{description} is not a valid system description ({string.Join("; ", invalid.Problems.Select(p => p.Message))}); nothing was run");
        var options = new RunOrchestratorOptions(Path.GetFullPath(outDir), config.Org, system, runs)
        {
            Seeds = seeds,
            Watchdog = watchdog,
            SystemDescriptionSource = File.Exists(description) ? description : null,
        };
        // Decided once for every run of the campaign (the children inherit it) and recorded beside seeds.json.
        var numerics = NumericsStep.Ensure(config);
        NumericsRecord.Write(Path.Combine(RunLayout.For(options).StateDir, NumericsRecord.FileName), numerics);
        var orchestrator = new RunOrchestrator(options, request => Describe(request, system, dataDir, overrides), logger);
        var report = orchestrator.RunAsync(signals.Token).GetAwaiter().GetResult();
        foreach (var run in report.Runs)
            logger.LogInformation("result_{Index:00}: {Status} (seed {Seed}, {Attempts} attempt(s)) {Note}", run.Index, run.Status, run.Seed, run.Attempts, run.Note);
        logger.LogInformation("{Numerics}", numerics.OneLine());
        if (signals.Received is not null) throw signals.Stopped("the campaign was stopped; the current log was closed with run_stop aborted, a re-run resumes");
        if (report.Stopped is not null) logger.LogError("stopped: {Reason}", report.Stopped);
        return report.Finished && report.Runs.All(r => r.Status is RunStatus.Completed or RunStatus.Skipped) ? 0 : 1;
    }

    private static ProcessStartInfo Describe(RunRequest request, string system, string? dataDir, IReadOnlyList<string> overrides)
    {
        var start = AppCommandLine.StartInfo(Defaults.AppPath,
            ["run", "--system", system, "--seed", request.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log-cache-clear"]);
        if (dataDir is not null)
        {
            start.ArgumentList.Add("--data-dir");
            start.ArgumentList.Add(dataDir);
        }
        foreach (string set in overrides)
        {
            start.ArgumentList.Add("--set");
            start.ArgumentList.Add(set);
        }
        start.Environment["MLPERF_SYSTEMS_DIR"] = Defaults.SystemsDir;
        return start;
    }
}
