using static MLPerfDotnet.Harness.Deployment.K8sManifest;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// The timed run as a Kubeflow MPIJob (kubeflow.org/v2beta1, mpi-operator ≥ 0.4) with MPICH: one launcher pod runs
/// <c>run_and_time.sh &lt;system&gt;</c>, whose <c>mlperf run</c> starts <c>mpiexec.mpich -np N</c>; the operator writes
/// the hostfile (<c>/etc/mpi/hostfile</c>, found by Hydra through <c>HYDRA_HOST_FILE</c>) and the ssh keys, and each
/// of the N worker pods (one slot, one GPU) runs sshd for Hydra to start its rank on.
/// </summary>
public static class MpiJobManifest
{
    public const string RunAndTime = "/opt/mlperf/run_and_time.sh";

    public static K8sManifest Build(K8sDeploymentOptions o)
    {
        var launcher = Map(
            ("name", "launcher"),
            ("image", o.Image),
            ("command", new[] { RunAndTime, o.System }),
            ("env", new[]
            {
                Map(("name", "MLPERF_SYSTEM"), ("value", o.System)),
                Map(("name", "MLPERF_RESULTS_DIR"), ("value", K8sVolumes.ResultsDir)),
            }),
            ("resources", K8sManifestBuilder.Resources(gpus: 0, cpus: 1, memory: "2Gi")),
            ("volumeMounts", K8sVolumes.Mounts((K8sVolumes.ResultsDir, false))));
        var worker = Map(
            ("name", "worker"),
            ("image", o.Image),
            ("command", new[] { "/usr/sbin/sshd", "-De" }),
            ("env", new[] { Map(("name", "OMP_NUM_THREADS"), ("value", o.CpusPerWorker.ToString(System.Globalization.CultureInfo.InvariantCulture))) }),
            ("resources", K8sManifestBuilder.Resources(o.GpusPerWorker, o.CpusPerWorker, o.MemoryPerWorker)),
            ("volumeMounts", K8sVolumes.Mounts((K8sVolumes.DataDir, true), (K8sVolumes.ResultsDir, false))));
        return new K8sManifest("02-mpijob.yaml", Map(
            ("apiVersion", "kubeflow.org/v2beta1"),
            ("kind", "MPIJob"),
            ("metadata", K8sManifestBuilder.Metadata(o, o.JobName, queue: true)),
            ("spec", Map(
                ("slotsPerWorker", 1),
                ("mpiImplementation", "MPICH"),
                ("sshAuthMountPath", "/root/.ssh"),
                ("runPolicy", Map(("cleanPodPolicy", "Running"), ("backoffLimit", 0))),
                ("mpiReplicaSpecs", Map(
                    ("Launcher", Replica(o, 1, launcher)),
                    ("Worker", Replica(o, o.Ranks, worker))))))));
    }

    private static OrderedDictionary<string, object?> Replica(K8sDeploymentOptions o, int replicas, object container) => Map(
        ("replicas", replicas),
        ("template", Map(
            ("metadata", Map(("labels", K8sManifestBuilder.Labels(o)))),
            ("spec", Map(
                ("schedulerName", o.Scheduler),
                ("containers", new[] { container }),
                ("volumes", K8sVolumes.Volume(o)))))));
}
