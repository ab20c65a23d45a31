using System.Diagnostics;
using MLPerfDotnet.Harness.Deployment;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>
/// The bash the manifests run, run here with a stand-in <c>mlperf</c> that records its arguments: the data step is a
/// no-op once verified, the launcher's wait ends on the marker or fails after its limit, and each T9k rank trains
/// into the next free result file of the submission tree.
/// </summary>
public sealed class ClusterScriptTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Calls => Path.Combine(_folder.Path, "calls.txt");

    public ClusterScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "bin"));
        StandIn("mlperf", $"echo \"$*\" >> '{Calls}'");
    }

    /// <summary>An executable bash script in the stand-ins' folder (first on the scripts' PATH); returns its path.</summary>
    private string StandIn(string name, string body)
    {
        string path = Path.Combine(_folder.Path, "bin", name);
        File.WriteAllText(path, $"#!/bin/bash\n{body}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose() => _folder.Dispose();

    private (int ExitCode, string Output) Bash(string script, params (string Name, string Value)[] env)
    {
        var start = new ProcessStartInfo("/bin/bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = Path.Combine(_folder.Path, "bin") + ":/usr/bin:/bin";
        foreach (var (name, value) in env) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), "script timed out");
        return (process.ExitCode, stdout + stderr.Result);
    }

    private string[] CallLines() => File.Exists(Calls) ? File.ReadAllLines(Calls) : [];

    [Fact]
    public void DataStep_RunsDownloadPreprocessVerify_ThenWritesTheMarker_AndIsANoOpAfterwards()
    {
        string raw = Path.Combine(_folder.Path, "raw_data"), data = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(data);
        string script = K8sDatasetScript.Script(raw, data);
        Assert.Equal(0, Bash(script).ExitCode);
        Assert.Equal([$"dataset download --to {raw}", $"dataset preprocess --raw {raw} --out {data}", $"dataset verify --data {data}"], CallLines());
        Assert.True(File.Exists(Path.Combine(data, K8sDatasetScript.VerifiedMarker)));
        var again = Bash(script);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already verified", again.Output, StringComparison.Ordinal);
        Assert.Equal(3, CallLines().Length);
    }

    [Fact]
    public void DataStep_ThatFails_WritesNoMarker()
    {
        string data = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(data);
        File.AppendAllText(Path.Combine(_folder.Path, "bin", "mlperf"), "[ \"$2\" = verify ] && exit 1\nexit 0\n");
        Assert.Equal(1, Bash(K8sDatasetScript.Script(Path.Combine(_folder.Path, "raw"), data)).ExitCode);
        Assert.False(File.Exists(Path.Combine(data, K8sDatasetScript.VerifiedMarker)));
    }

    [Fact]
    public void LauncherWait_EndsOnTheMarker_OrFailsAfterItsLimit()
    {
        string data = Directory.CreateDirectory(Path.Combine(_folder.Path, "data")).FullName;
        var missing = Bash(K8sDatasetScript.WaitScript(data, TimeSpan.FromSeconds(2), pollSeconds: 1));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"no {data}/{K8sDatasetScript.VerifiedMarker} after 2s", missing.Output, StringComparison.Ordinal);
        Assert.Single(missing.Output.Split('\n'), l => l.StartsWith("waiting for", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(data, K8sDatasetScript.VerifiedMarker), "2026-12-06T09:00:00Z");
        var found = Bash(K8sDatasetScript.WaitScript(data, TimeSpan.FromHours(2)));
        Assert.Equal((0, "KiTS19 verified at 2026-12-06T09:00:00Z\n"), found);
    }

    [Fact]
    public void T9kRankZero_TrainsIntoTheNextFreeResultFile_AndCopiesTheSystemDescription_OtherRanksPassNoResult()
    {
        var options = GeneratedDeployment.OptionsFor("8GPU80GB", K8sPlatform.T9k);
        string results = Path.Combine(_folder.Path, "results"), systems = Path.Combine(_folder.Path, "systems");
        string script = T9kMpiJobManifest.RankScript(options, results, systems);
        Directory.CreateDirectory(systems);
        File.WriteAllText(Path.Combine(systems, "8GPU80GB.json"), "{}");
        string unet3d = Directory.CreateDirectory(Path.Combine(results, "MLPerfDotnet", "results", "8GPU80GB", "unet3d")).FullName;
        File.WriteAllText(Path.Combine(unet3d, "result_00.txt"), "");

        Assert.Equal(0, Bash(script, ("PMI_RANK", "0")).ExitCode);
        Assert.Equal(0, Bash(script, ("PMI_RANK", "1")).ExitCode);
        Assert.Equal([$"train --system 8GPU80GB --result {unet3d}/result_01.txt", "train --system 8GPU80GB"], CallLines());
        Assert.True(File.Exists(Path.Combine(results, "MLPerfDotnet", "systems", "8GPU80GB.json")));
    }

    [Fact]
    public void KubeflowLauncher_AsksForOneMoreRunThanTheFinishedResults()
    {
        var options = GeneratedDeployment.OptionsFor("8GPU80GB", K8sPlatform.Kubeflow);
        string results = Path.Combine(_folder.Path, "results");
        string runAndTime = StandIn("run_and_time.sh", $"echo \"MLPERF_RUNS=$MLPERF_RUNS $*\" >> '{Calls}'");
        string script = MpiJobManifest.LauncherScript(options, results, runAndTime);
        Assert.Equal(0, Bash(script).ExitCode);
        string unet3d = Directory.CreateDirectory(Path.Combine(results, "MLPerfDotnet", "results", "8GPU80GB", "unet3d")).FullName;
        File.WriteAllText(Path.Combine(unet3d, "result_00.txt"), ":::MLLOG {\"key\": \"run_stop\"}\n");
        File.WriteAllText(Path.Combine(unet3d, "result_01.txt"), ":::MLLOG {\"key\": \"run_start\"}\n");
        Assert.Equal(0, Bash(script).ExitCode);
        Assert.Equal(["MLPERF_RUNS=1 8GPU80GB", "MLPERF_RUNS=2 8GPU80GB"], CallLines());
    }

    [Fact]
    public void RunAndTime_PassesTheRunCountToTheCampaign()
    {
        string script = Path.Combine(MLPerfDotnet.Tests.Shared.SharedData.RepoRoot, "deploy", "run_and_time.sh");
        var run = Bash($"'{script}' 8GPU80GB 7", ("MLPERF", Path.Combine(_folder.Path, "bin", "mlperf")), ("MLPERF_RUNS", "3"), ("MLPERF_RESULTS_DIR", "/r"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["run --system 8GPU80GB --seed 7 --out /r --runs 3"], CallLines());
        Assert.Contains("RESULT,image_segmentation,7,", run.Output, StringComparison.Ordinal);
    }
}
