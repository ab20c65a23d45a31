using static MLPerfDotnet.Harness.Deployment.K8sManifest;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// Builds the manifests of a cluster run, applied in file order: <c>00-data-pvc.yaml</c> (the data claim),
/// <c>01-dataset-job.yaml</c> (download, preprocess and verify KiTS19 into it) and <c>02-mpijob.yaml</c>
/// (the timed run, see <see cref="MpiJobManifest"/>).
/// </summary>
public static class K8sManifestBuilder
{
    /// <summary>The dataset Job's steps (the <c>mlperf dataset</c> commands), run in order with <c>set -e</c>.</summary>
    public static readonly IReadOnlyList<string> DatasetSteps =
    [
        $"mlperf dataset download --to {K8sVolumes.RawDir}",
        $"mlperf dataset preprocess --raw {K8sVolumes.RawDir} --out {K8sVolumes.DataDir}",
        $"mlperf dataset verify --data {K8sVolumes.DataDir}",
    ];

    public static IReadOnlyList<K8sManifest> Build(K8sDeploymentOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        return [DataClaim(options), DatasetJob(options), MpiJobManifest.Build(options)];
    }

    public static K8sManifest DataClaim(K8sDeploymentOptions o) => new("00-data-pvc.yaml", Map(
        ("apiVersion", "v1"),
        ("kind", "PersistentVolumeClaim"),
        ("metadata", Metadata(o, o.ClaimName, queue: false)),
        ("spec", Map(
            ("accessModes", new[] { "ReadWriteMany" }),
            ("storageClassName", o.StorageClass),
            ("resources", Map(("requests", Map(("storage", o.StorageSize)))))))));

    public static K8sManifest DatasetJob(K8sDeploymentOptions o) => new("01-dataset-job.yaml", Map(
        ("apiVersion", "batch/v1"),
        ("kind", "Job"),
        ("metadata", Metadata(o, o.DatasetJobName, queue: true)),
        ("spec", Map(
            ("backoffLimit", 2),
            ("template", Map(
                ("metadata", Map(("labels", Labels(o)))),
                ("spec", Map(
                    ("restartPolicy", "Never"),
                    ("schedulerName", o.Scheduler),
                    ("containers", new[]
                    {
                        Map(
                            ("name", "dataset"),
                            ("image", o.Image),
                            ("command", new[] { "/bin/bash", "-c", "set -euo pipefail\n" + string.Join("\n", DatasetSteps) + "\n" }),
                            ("resources", Resources(gpus: 0, o.CpusPerWorker, o.MemoryPerWorker)),
                            ("volumeMounts", K8sVolumes.Mounts((K8sVolumes.RawDir, false), (K8sVolumes.DataDir, false)))),
                    }),
                    ("volumes", K8sVolumes.Volume(o))))))))));

    public static OrderedDictionary<string, object?> Metadata(K8sDeploymentOptions o, string name, bool queue)
    {
        var labels = Labels(o);
        if (queue && o.Queue is not null) labels.Add("kueue.x-k8s.io/queue-name", o.Queue);
        return Map(("name", name), ("namespace", o.Namespace), ("labels", labels));
    }

    public static OrderedDictionary<string, object?> Labels(K8sDeploymentOptions o)
        => Map(("app.kubernetes.io/name", "mlperf-unet3d"), ("mlperf.org/system", o.JobName["unet3d-".Length..]));

    /// <summary>Requests equal limits (Guaranteed QoS); GPUs only as limits, as the device plugin requires.</summary>
    public static OrderedDictionary<string, object?> Resources(int gpus, int cpus, string memory)
    {
        var limits = Map(("cpu", cpus), ("memory", memory));
        if (gpus > 0) limits.Add("nvidia.com/gpu", gpus);
        return Map(("requests", Map(("cpu", cpus), ("memory", memory))), ("limits", limits));
    }
}
