using static MLPerfDotnet.Harness.Deployment.K8sManifest;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// The timed run as a Kubeflow MPIJob (kubeflow.org/v2beta1, mpi-operator ≥ 0.4) with MPICH: one launcher pod runs
/// <c>run_and_time.sh &lt;system&gt;</c> (<see cref="LauncherScript"/>), whose <c>mlperf run --out /results</c> starts <c>mpiexec.mpich -np N</c> and
/// writes the submission tree; the operator writes the hostfile (<c>/etc/mpi/hostfile</c>, found by Hydra through
/// <c>HYDRA_HOST_FILE</c>) and the ssh keys, and each of the N worker pods (one slot, one GPU) runs sshd for Hydra to
/// start its rank on. The launcher's init container waits for the dataset Job's verified marker, so one
/// <c>kubectl apply</c> of the folder trains only on verified data.
/// </summary>
public static class MpiJobManifest
{
    public const string RunAndTime = "/opt/mlperf/run_and_time.sh";

    /// <summary>Where the image keeps the system configs and descriptions (the Dockerfile's <c>COPY systems</c>).</summary>
    public const string SystemsDir = "/opt/mlperf/systems";

    public const string FileName = "02-mpijob.yaml";

    public static K8sManifest Build(K8sDeploymentOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var waitForData = Map(
            ("name", "wait-for-data"),
            ("image", o.Image),
            ("command", new[] { "/bin/bash", "-c", K8sDatasetScript.WaitScript(K8sVolumes.DataDir, o.DataStepTimeout) }),
            ("resources", K8sManifestBuilder.Resources(gpus: 0, cpus: 1, memory: "256Mi")),
            ("volumeMounts", K8sVolumes.Mounts((K8sVolumes.DataDir, true))));
        var launcher = Map(
            ("name", "launcher"),
            ("image", o.Image),
            ("command", new[] { "/bin/bash", "-c", LauncherScript(o) }),
            ("env", new[]
            {
                K8sManifestBuilder.EnvVar("MLPERF_SYSTEM", o.System),
                K8sManifestBuilder.EnvVar("MLPERF_RESULTS_DIR", K8sVolumes.ResultsDir),
            }),
            ("resources", K8sManifestBuilder.Resources(gpus: 0, cpus: 1, memory: "2Gi")),
            ("volumeMounts", K8sVolumes.Mounts((K8sVolumes.ResultsDir, false))));
        var worker = Map(
            ("name", "worker"),
            ("image", o.Image),
            ("command", new[] { "/usr/sbin/sshd", "-De" }),
            ("env", K8sManifestBuilder.TrainingEnv(o)),
            ("resources", K8sManifestBuilder.Resources(o.GpusPerWorker, o.CpusPerWorker, o.MemoryPerWorker)),
            ("volumeMounts", K8sVolumes.TrainingMounts()));
        return new K8sManifest(FileName, Map(
            ("apiVersion", "kubeflow.org/v2beta1"),
            ("kind", "MPIJob"),
            ("metadata", K8sManifestBuilder.Metadata(o, o.RunName, queue: true)),
            ("spec", Map(
                ("slotsPerWorker", 1),
                ("mpiImplementation", "MPICH"),
                ("sshAuthMountPath", "/root/.ssh"),
                ("runPolicy", Map(
                    ("cleanPodPolicy", "Running"),
                    ("backoffLimit", 0),
                    ("activeDeadlineSeconds", K8sManifestBuilder.Seconds(o.Timeout)))),
                ("mpiReplicaSpecs", Map(
                    ("Launcher", Replica(o, 1, launcher, initContainer: waitForData, sharedMemory: false)),
                    ("Worker", Replica(o, o.Ranks, worker, initContainer: null, sharedMemory: true))))))));
    }

    /// <summary>
    /// The launcher's command: one more run than the claim holds finished results of (a result file with its
    /// <c>run_stop</c>), so each apply is one new timed run (the orchestrator resumes, and skips finished results).
    /// </summary>
    public static string LauncherScript(K8sDeploymentOptions o, string resultsDir = K8sVolumes.ResultsDir, string runAndTime = RunAndTime)
    {
        ArgumentNullException.ThrowIfNull(o);
        string results = $"{resultsDir}/{o.Org}/results/{o.System}/unet3d";
        return "set -euo pipefail\n"
            + $"finished=$( (grep -l run_stop {results}/result_*.txt 2>/dev/null || true) | wc -l)\n"
            + "echo \"finished results on the claim: $finished; this run makes the next\"\n"
            + $"MLPERF_RUNS=$((finished + 1)) exec {runAndTime} {o.System}\n";
    }

    private static OrderedDictionary<string, object?> Replica(K8sDeploymentOptions o, int replicas, object container, object? initContainer, bool sharedMemory) => Map(
        ("replicas", replicas),
        ("template", Map(
            ("metadata", Map(("labels", K8sManifestBuilder.RunLabels(o)))),
            ("spec", Map(
                ("schedulerName", o.Scheduler),
                ("serviceAccountName", o.ServiceAccount),
                ("initContainers", initContainer is null ? null : new[] { initContainer }),
                ("containers", new[] { container }),
                ("volumes", K8sVolumes.Volumes(o, sharedMemory)))))));
}
