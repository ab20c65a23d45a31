using System.Globalization;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// The data step both platforms run before training, and the marker that orders them: download KiTS19 with the
/// resilient downloader, preprocess, verify the md5s, then write <c>&lt;data&gt;/.mlperf-verified</c>. A re-run that
/// finds the marker does nothing (the seed's step fails there at its <c>mkdir</c>); one interrupted before the marker
/// resumes, as download and preprocess skip finished files.
/// </summary>
public static class K8sDatasetScript
{
    public const string VerifiedMarker = ".mlperf-verified";

    /// <summary>Seconds between two looks for the marker while the training waits (Kubeflow).</summary>
    public const int PollSeconds = 30;

    /// <summary>The <c>mlperf dataset</c> commands, in order (their flags are the dataset command's).</summary>
    public static IReadOnlyList<string> Steps(string rawDir, string dataDir) =>
    [
        $"mlperf dataset download --to {rawDir}",
        $"mlperf dataset preprocess --raw {rawDir} --out {dataDir}",
        $"mlperf dataset verify --data {dataDir}",
    ];

    /// <summary>The step as a bash script (<c>set -euo pipefail</c>); the folders may hold T9k variables.</summary>
    public static string Script(string rawDir, string dataDir)
    {
        string marker = $"{dataDir}/{VerifiedMarker}";
        return "set -euo pipefail\n"
            + $"if [ -f \"{marker}\" ]; then echo \"KiTS19 already verified ($(cat \"{marker}\")): nothing to do\"; exit 0; fi\n"
            + string.Join("\n", Steps(rawDir, dataDir)) + "\n"
            + $"date -u +%Y-%m-%dT%H:%M:%SZ > \"{marker}\"\n";
    }

    /// <summary>Waits for the marker, looking every <paramref name="pollSeconds"/>, and fails after <paramref name="limit"/> (a failed or stuck data step).</summary>
    public static string WaitScript(string dataDir, TimeSpan limit, int pollSeconds = PollSeconds)
    {
        string marker = $"{dataDir}/{VerifiedMarker}";
        long tries = Math.Max(1, (long)Math.Ceiling(limit.TotalSeconds / pollSeconds));
        return "set -euo pipefail\n"
            + string.Create(CultureInfo.InvariantCulture, $"for i in $(seq {tries}); do\n")
            + $"  if [ -f \"{marker}\" ]; then echo \"KiTS19 verified at $(cat \"{marker}\")\"; exit 0; fi\n"
            + string.Create(CultureInfo.InvariantCulture, $"  if [ \"$i\" -lt {tries} ]; then echo \"waiting for {marker} (the dataset Job)\"; sleep {pollSeconds}; fi\n")
            + "done\n"
            + $"echo \"no {marker} after {GoDuration.Format(limit)}: see the dataset Job's log\" >&2\n"
            + "exit 1\n";
    }
}
