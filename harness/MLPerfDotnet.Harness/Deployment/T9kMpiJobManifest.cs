using static MLPerfDotnet.Harness.Deployment.K8sManifest;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// The timed run as a T9k MPIJob (<c>batch.tensorstack.dev/v1beta1</c>), the object the workflow's Resource step
/// creates. As in the seed: <c>worker.replicas</c> from the system, container <c>mpi-worker</c> (T9k runs sshd in it),
/// 4 CPUs + 16Gi + 1 GPU per worker, workers cleaned up at the end. T9k's launcher starts <c>worker.cmd</c> on every
/// worker through <c>$mpiHome/bin/mpirun</c>; <c>mpiHome: /usr</c> makes that MPICH's Hydra, whose <c>PMI_RANK</c>
/// our ranks read. Each rank runs <see cref="RankScript"/>: <c>mlperf train</c>, rank 0 writing the next free
/// <c>result_NN.txt</c> of the submission tree on the claim. The name comes from <c>generateName</c> (the workflow
/// controller creates it, so a second run gets a new one).
/// </summary>
public static class T9kMpiJobManifest
{
    public const string ApiVersion = "batch.tensorstack.dev/v1beta1";

    /// <summary>The container T9k requires in the worker template.</summary>
    public const string WorkerContainer = "mpi-worker";

    public static OrderedDictionary<string, object?> Build(K8sDeploymentOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var worker = Map(
            ("name", WorkerContainer),
            ("image", o.Image),
            ("env", K8sManifestBuilder.TrainingEnv(o)),
            ("resources", K8sManifestBuilder.Resources(o.GpusPerWorker, o.CpusPerWorker, o.MemoryPerWorker)),
            ("volumeMounts", K8sVolumes.TrainingMounts()));
        return Map(
            ("apiVersion", ApiVersion),
            ("kind", "MPIJob"),
            ("metadata", Map(("generateName", o.RunName + "-"), ("labels", K8sManifestBuilder.RunLabels(o)))),
            ("spec", Map(
                ("scheduler", o.Queue is null ? null : Map(("t9kScheduler", Map(("queue", o.Queue), ("priority", o.Priority))))),
                ("runPolicy", Map(("cleanUpWorkers", true))),
                ("ssh", Map(("sshAuthMountPath", "/root/.ssh"), ("sshdPath", "/usr/sbin/sshd"))),
                ("mpiHome", "/usr"),
                ("worker", Map(
                    ("replicas", o.Ranks),
                    ("processesPerWorker", 1),
                    ("cmd", new[] { "/bin/bash", "-c", RankScript(o) }),
                    ("template", Map(
                        ("metadata", Map(("labels", K8sManifestBuilder.RunLabels(o)))),
                        ("spec", Map(
                            ("containers", new[] { worker }),
                            ("volumes", K8sVolumes.Volumes(o, sharedMemory: true)))))))))));
    }

    /// <summary>
    /// One rank's command. Rank 0 picks the first missing <c>result_NN.txt</c>, copies the system description beside
    /// the results and trains with <c>--result</c> (the only rank that writes it); the other ranks train without it,
    /// as <c>mlperf train</c> refuses a <c>--result</c> that already holds a run and rank 0 may have started it.
    /// The folders are the pod's unless given.
    /// </summary>
    public static string RankScript(K8sDeploymentOptions o, string resultsDir = K8sVolumes.ResultsDir, string systemsDir = MpiJobManifest.SystemsDir)
    {
        ArgumentNullException.ThrowIfNull(o);
        string org = $"{resultsDir}/{o.Org}";
        string results = $"{org}/results/{o.System}/unet3d";
        return "set -euo pipefail\n"
            + "if [ \"${PMI_RANK:-0}\" = 0 ]; then\n"
            + $"  out={results}\n"
            + $"  mkdir -p \"$out\" {org}/systems\n"
            + $"  cp {systemsDir}/{o.System}.json {org}/systems/{o.System}.json\n"
            + "  n=0\n"
            + "  while [ -e \"$(printf '%s/result_%02d.txt' \"$out\" \"$n\")\" ]; do n=$((n + 1)); done\n"
            + "  result=$(printf '%s/result_%02d.txt' \"$out\" \"$n\")\n"
            + "  echo \"rank 0 writes $result\"\n"
            + $"  exec mlperf train --system {o.System} --result \"$result\"\n"
            + "fi\n"
            + $"exec mlperf train --system {o.System}\n";
    }
}
