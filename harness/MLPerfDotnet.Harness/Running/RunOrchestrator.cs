using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Files;
using Polly;
using Polly.Retry;

namespace MLPerfDotnet.Harness.Running;

/// <summary>
/// Performs the seeded, timed runs of a benchmark one after the other, each in a child process described by
/// <c>describe</c>, into <c>result_00.txt</c>, <c>result_01.txt</c>, ... A closed result file (it has run_stop) is
/// never touched; an unclosed one (the orchestrator itself died) is renamed to
/// <c>result_XX.txt.incomplete-TIMESTAMP</c> and the run is done again with the same seed. Launches that end
/// before init_start are retried with backoff; a run that trained is never retried.
/// </summary>
public sealed class RunOrchestrator(RunOrchestratorOptions options, Func<RunRequest, ProcessStartInfo> describe, ILogger? logger = null, TimeProvider? time = null)
{
    /// <summary>The shortest and longest watchdog (Polly's timeout bounds), checked before anything is launched.</summary>
    public static readonly TimeSpan MinWatchdog = TimeSpan.FromMilliseconds(10);

    public static readonly TimeSpan MaxWatchdog = TimeSpan.FromHours(24);

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<CampaignReport> RunAsync(CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LaunchAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Runs);
        if (options.Watchdog < MinWatchdog || options.Watchdog > MaxWatchdog)
            throw new ArgumentOutOfRangeException(nameof(options), $"the watchdog must be between {MinWatchdog.TotalSeconds} s and {MaxWatchdog.TotalHours} h, not {options.Watchdog}");
        var layout = RunLayout.For(options);
        Directory.CreateDirectory(layout.ResultsDir);
        Directory.CreateDirectory(layout.StateDir);
        using var runLock = AcquireLock(layout.LockFile);
        InstallSystemDescription(layout);
        var seeds = SeedBook.Ensure(layout.SeedsFile, options.Runs, options.Seeds);
        _logger.LogInformation("{Runs} runs of {Benchmark} into {Dir}; seeds in {Seeds}", options.Runs, options.Benchmark, layout.ResultsDir, layout.SeedsFile);

        var reports = new List<RunReport>();
        for (int i = 0; i < options.Runs; i++)
        {
            if (cancellationToken.IsCancellationRequested) return new CampaignReport(reports, "cancelled");
            string path = layout.ResultFile(i);
            if (File.Exists(path))
            {
                if (ResultFileGuard.IsClosed(path))
                {
                    reports.Add(new RunReport(i, seeds[i], RunStatus.Skipped, path, 0, null, "already closed; left untouched"));
                    continue;
                }
                string aside = SetAside(path);
                _logger.LogWarning("{Path} has no run_stop (an earlier orchestrator died): kept as {Aside}; run {Index} is done again", path, aside, i);
            }
            var report = await RunOneAsync(layout, i, seeds[i], cancellationToken).ConfigureAwait(false);
            reports.Add(report);
            _logger.LogInformation("run {Index} (seed {Seed}): {Status} after {Attempts} launch(es): {Note}", i, report.Seed, report.Status, report.Attempts, report.Note);
            if (report.Status == RunStatus.Cancelled) return new CampaignReport(reports, "cancelled");
            if (report.Status == RunStatus.LaunchFailed) return new CampaignReport(reports, $"run {i} could not be launched: {report.Note}");
        }
        return new CampaignReport(reports, null);
    }

    private async Task<RunReport> RunOneAsync(RunLayout layout, int index, long seed, CancellationToken cancellationToken)
    {
        var side = new StreamWriter(new FileStream(layout.SideLog(index), FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        await using (side.ConfigureAwait(false))
        {
            var child = new ChildProcessRun(options, _time);
            int attempts = 0;
            AttemptOutcome outcome;
            try
            {
                outcome = await LaunchPipeline().ExecuteAsync(async ct =>
                {
                    var request = new RunRequest(index, seed, layout.ResultFile(index), ++attempts);
                    return await child.RunAsync(describe(request), request, side, ct).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcome = new AttemptOutcome(RunStatus.Cancelled, null, "cancelled while waiting to launch again; no result file");
            }
            return new RunReport(index, seed, outcome.Status, layout.ResultFile(index), attempts, outcome.ExitCode, outcome.Note);
        }
    }

    private ResiliencePipeline<AttemptOutcome> LaunchPipeline()
    {
        var builder = new ResiliencePipelineBuilder<AttemptOutcome> { TimeProvider = _time };
        if (options.LaunchAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptOutcome>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Status == RunStatus.LaunchFailed),
                MaxRetryAttempts = options.LaunchAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.LaunchRetryDelay,
                OnRetry = args =>
                {
                    _logger.LogWarning("launch {Attempt} failed ({Note}); retrying in {Delay:0.0} s", args.AttemptNumber + 1, args.Outcome.Result?.Note, args.RetryDelay.TotalSeconds);
                    return default;
                },
            });
        }
        return builder.Build();
    }

    private string SetAside(string path)
    {
        string stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string aside = $"{path}.incomplete-{stamp}";
        for (int n = 1; File.Exists(aside); n++) aside = $"{path}.incomplete-{stamp}-{n}";
        File.Move(path, aside, overwrite: false);
        return aside;
    }

    private void InstallSystemDescription(RunLayout layout)
    {
        if (File.Exists(layout.SystemsFile)) return;
        if (options.SystemDescriptionSource is null)
        {
            _logger.LogWarning("{Path} is missing and no system description was given", layout.SystemsFile);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(layout.SystemsFile)!);
        AtomicFile.Write(layout.SystemsFile, temp => File.Copy(options.SystemDescriptionSource, temp, overwrite: true));
    }

    private static FileStream AcquireLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new MlperfException(ExitCode.Busy, $"another orchestrator holds {path}: two cannot write the same results at once", e);
        }
    }
}
