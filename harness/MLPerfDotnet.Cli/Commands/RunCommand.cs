using System.CommandLine;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Running;
using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf run</c>: one timed run of a system config in this process (what run_and_time.sh calls), launched through
/// mpiexec when the system has several ranks.
/// </summary>
public static class RunCommand
{
    public static readonly Option<int> RanksOption = new("--ranks")
    {
        Description = "Override the config's rank count (launched with mpiexec.mpich when > 1); the logged global batch follows it, and a closed-division config must still land on an RCP",
        DefaultValueFactory = _ => 0,
        Validators = { r => AtLeast(r, 0) },
    };

    public static readonly Option<int> RunsOption = new("--runs")
    {
        Description = "Timed runs to make (with --out): result_00.txt ... in the submission layout",
        DefaultValueFactory = _ => 1,
        Validators = { r => AtLeast(r, 1) },
    };

    public static readonly Option<string?> OutOption = new("--out") { Description = "Results tree to write (<out>/<org>/results/<system>/unet3d/)" };

    public static readonly Option<long[]> SeedsOption = new("--seeds")
    {
        Description = "Seeds of the runs (drawn and recorded when not given)",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<int> WatchdogOption = new("--watchdog-minutes")
    {
        Description = "Kill a run that logs no MLLOG line for this long (1 to 1440)",
        DefaultValueFactory = _ => 30,
        Validators = { r => AtLeast(r, 1, 24 * 60) },
    };

    /// <summary>How long the ranks get to close their logs after SIGTERM before the whole job is killed.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private const string OurFile = "MLPerfDotnet.Cli/Commands/RunCommand.cs";

    public static Command Create()
    {
        var command = new Command("run", "One timed run of a system config (rank 0 prints the MLLOG lines)")
        {
            TrainCommand.SystemOption, TrainCommand.SeedOption, TrainCommand.ResultOption, TrainCommand.DataDirOption,
            TrainCommand.SetOption, TrainCommand.CacheClearOption, RanksOption, RunsOption, OutOption, SeedsOption, WatchdogOption,
        };
        command.SetAction(parse =>
        {
            string system = parse.GetValue(TrainCommand.SystemOption)!;
            string[] overrides = parse.GetValue(TrainCommand.SetOption) ?? [];
            if (parse.GetValue(OutOption) is { } outDir)
            {
                long[]? seeds = parse.GetValue(SeedsOption) is { Length: > 0 } given ? given : null;
                return CampaignCommand.Run(system, parse.GetValue(RunsOption), seeds, outDir,
                    TimeSpan.FromMinutes(parse.GetValue(WatchdogOption)), parse.GetValue(TrainCommand.DataDirOption), overrides);
            }
            int ranks = parse.GetValue(RanksOption);
            var config = Harness.Systems.SystemConfigLoader.LoadConfig(Defaults.SystemsDir, system, overrides);
            if (ranks <= 0) ranks = config.Ranks;
            ClosedDivisionGate.Enforce(config, system, ranks, overrides);
            if (ranks == 1)
            {
                return TrainCommand.Run(system, parse.GetValue(TrainCommand.SeedOption), parse.GetValue(TrainCommand.ResultOption),
                    parse.GetValue(TrainCommand.DataDirOption), parse.GetValue(TrainCommand.CacheClearOption), overrides);
            }
            var trainArgs = new List<string> { "--system", system, "--seed", parse.GetValue(TrainCommand.SeedOption).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (parse.GetValue(TrainCommand.ResultOption) is { } result) trainArgs.AddRange(["--result", result]);
            if (parse.GetValue(TrainCommand.DataDirOption) is { } data) trainArgs.AddRange(["--data-dir", data]);
            if (parse.GetValue(TrainCommand.CacheClearOption)) trainArgs.Add("--log-cache-clear");
            foreach (string set in overrides) trainArgs.AddRange(["--set", set]);
            NumericsStep.Ensure(config); // decided once here; the ranks inherit it (MLPERF_NUMERICS)
            return LaunchRanks(ranks, trainArgs, parse.GetValue(TrainCommand.ResultOption));
        });
        return command;
    }

    private static int LaunchRanks(int ranks, IReadOnlyList<string> trainArgs, string? resultFile)
    {
        if (resultFile is not null) ResultFileGuard.EnsureHoldsNoRun(resultFile);
        using var signals = TerminationSignals.Install();
        var start = MpiLauncher.BuildStartInfo(ranks, Defaults.AppPath, ["train", .. trainArgs]);
        var outcome = new MpiJob(start, ranks, signals, StopGrace).Run();
        bool closed = resultFile is not null && ResultFileGuard.CloseAborted(resultFile, OurFile);
        string closing = closed ? $"; {resultFile} closed with run_stop aborted" : "";
        if (signals.Received is not null) throw signals.Stopped("the job was stopped" + closing);
        if (outcome.LostRank is not null) throw new MlperfException(ExitCode.RankLost, outcome.LostRank + closing);
        if (closed) Console.Error.WriteLine($"error: mpiexec exited with code {outcome.ExitCode}{closing}");
        return outcome.ExitCode; // a rank that failed on its own has said why (RankGuard)
    }

    private static void AtLeast(System.CommandLine.Parsing.OptionResult result, int min, int max = int.MaxValue)
    {
        int value = result.GetValueOrDefault<int>();
        if (value < min || value > max)
            result.AddError($"{result.Option.Name} must be {(max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}")}, not {value}");
    }
}
