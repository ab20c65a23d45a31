using System.CommandLine;
using Microsoft.Extensions.Logging;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Harness.Running;
using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf train</c>: one training run in this process (one rank under mpiexec). MLLOG lines go to stdout
/// (rank 0 only) and, with --result, are appended to that file.
/// </summary>
public static class TrainCommand
{
    public static readonly Option<string> SystemOption = new("--system")
    {
        Description = "System config name (systems/<name>.config.json)",
        DefaultValueFactory = _ => Defaults.System,
    };

    public static readonly Option<long> SeedOption = new("--seed")
    {
        Description = "Master seed; -1 draws one",
        DefaultValueFactory = _ => -1,
    };

    public static readonly Option<string?> ResultOption = new("--result") { Description = "Append the MLLOG lines to this file too" };

    public static readonly Option<string?> DataDirOption = new("--data-dir") { Description = "Override the config's data_dir" };

    public static readonly Option<string[]> SetOption = new("--set")
    {
        Description = "Override a run-config field: KEY=VALUE (repeatable), e.g. --set device=cuda --set precision=bf16",
    };

    public static readonly Option<bool> CacheClearOption = new("--log-cache-clear") { Description = "Log cache_clear before init_start" };

    public static Command Create()
    {
        var command = new Command("train", "One training run of a system config in this process (a rank under mpiexec)")
        {
            SystemOption, SeedOption, ResultOption, DataDirOption, SetOption, CacheClearOption,
        };
        command.SetAction(parse => Run(
            parse.GetValue(SystemOption)!, parse.GetValue(SeedOption), parse.GetValue(ResultOption),
            parse.GetValue(DataDirOption), parse.GetValue(CacheClearOption), parse.GetValue(SetOption) ?? []));
        return command;
    }

    public static int Run(string system, long seed, string? resultFile, string? dataDir, bool logCacheClear, IReadOnlyList<string> overrides)
    {
        using var signals = TerminationSignals.Install();
        using var loggers = CliLogging.Create();
        var logger = loggers.CreateLogger("mlperf.train");
        RunConfig config = SystemConfigLoader.LoadConfig(Defaults.SystemsDir, system, overrides);
        if (resultFile is not null) ResultFileGuard.EnsureHoldsNoRun(resultFile);
        NumericsStep.Ensure(config); // before the first torch call: it may cap oneDNN's ISA for this process

        if (dataDir is not null) config = config with { DataDir = dataDir };
        using var comm = Communicators.Create();
        ClosedDivisionGate.Enforce(config, system, comm.Size, overrides);
        // Every logged quantity (global_batch_size above all) follows the world that actually runs, not the file.
        config = config with { Ranks = comm.Size };
        return RankGuard.Run(comm, () => Train(comm, config, seed, resultFile, logCacheClear, logger, signals));
    }

    private static int Train(ICommunicator comm, RunConfig config, long seed, string? resultFile, bool logCacheClear, ILogger logger, TerminationSignals signals)
    {
        using var file = resultFile is not null && comm.Rank == 0 ? FileMlLogSink.Append(resultFile) : null;
        IMlLogSink sink = file is null ? TextWriterMlLogSink.Stdout : new CompositeMlLogSink(TextWriterMlLogSink.Stdout, file);
        var log = new MlLogger(sink, enabled: comm.Rank == 0, diagnostics: logger) { Barrier = comm.Barrier };
        if (logCacheClear) log.Event(MlLogKeys.CacheClear, true);
        RunOutcome outcome;
        try
        {
            outcome = new Unet3dBenchmark(config, log, comm, logger).Run(seed, signals.Token);
        }
        catch (OperationCanceledException) when (signals.Received is not null)
        {
            throw signals.Stopped("the run was stopped and its log closed with run_stop aborted");
        }
        catch (NonFiniteLossException e)
        {
            throw new MlperfException(ExitCode.Failed, e.Message);
        }
        logger.LogInformation("run {Status} after {Epochs} epochs ({Reason}), last mean Dice {Dice:F4}",
            outcome.Status, outcome.Epochs, outcome.Reason, outcome.LastMeanDice);
        return 0;
    }
}
