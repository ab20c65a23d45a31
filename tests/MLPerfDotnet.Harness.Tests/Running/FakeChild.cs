using System.Diagnostics;
using System.Globalization;
using MLPerfDotnet.Harness.Running;

namespace MLPerfDotnet.Harness.Tests.Running;

/// <summary>
/// A temporary output root and a bash script standing in for the training process. The script gets
/// <c>SEED ATTEMPT INDEX WORKDIR</c> as $1..$4 and an <c>ml EVENT_TYPE KEY VALUE [EXTRA_METADATA]</c> helper
/// that prints one MLLOG line.
/// </summary>
public sealed class FakeChild : IDisposable
{
    private const string Prelude = """
        #!/bin/bash
        SEED=$1; ATTEMPT=$2; INDEX=$3; WORK=$4
        ml() { echo ":::MLLOG {\"namespace\": \"\", \"time_ms\": $(date +%s%3N), \"event_type\": \"$1\", \"key\": \"$2\", \"value\": $3, \"metadata\": {\"file\": \"fake.sh\", \"lineno\": 7$4}}"; }
        start() { ml INTERVAL_START init_start null; ml POINT_IN_TIME seed $SEED; ml INTERVAL_END init_stop null; ml INTERVAL_START run_start null; }

        """;

    public FakeChild(string body)
    {
        Root = Directory.CreateTempSubdirectory("mlperf-runs-").FullName;
        Work = Directory.CreateDirectory(Path.Combine(Root, "work")).FullName;
        Script = Path.Combine(Work, "child.sh");
        File.WriteAllText(Script, Prelude + body.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }

    public const string Success = """
        start
        echo "framework noise $SEED"
        echo "a warning" >&2
        ml INTERVAL_END run_stop null ', "status": "success"'
        """;

    public string Root { get; }
    public string Work { get; }
    public string Script { get; }
    public List<RunRequest> Requests { get; } = [];

    public RunOrchestratorOptions Options(int runs) => new(Root, "Org", "sys1", runs)
    {
        Watchdog = TimeSpan.FromSeconds(10),
        LaunchAttempts = 3,
        LaunchRetryDelay = TimeSpan.FromMilliseconds(10),
        KillGrace = TimeSpan.FromSeconds(5),
    };

    public RunLayout Layout => new(Root, "Org", "sys1", "unet3d");

    public ProcessStartInfo Describe(RunRequest request)
    {
        Requests.Add(request);
        var start = new ProcessStartInfo("bash");
        foreach (string arg in new[] { Script, request.Seed.ToString(CultureInfo.InvariantCulture),
            request.Attempt.ToString(CultureInfo.InvariantCulture), request.Index.ToString(CultureInfo.InvariantCulture), Work })
            start.ArgumentList.Add(arg);
        return start;
    }

    public async Task<CampaignReport> RunAsync(RunOrchestratorOptions options, CancellationToken cancellationToken = default)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(60)); // a safety net: no test waits forever
        return await new RunOrchestrator(options, Describe).RunAsync(bound.Token);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
