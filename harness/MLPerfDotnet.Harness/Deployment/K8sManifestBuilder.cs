using System.Globalization;
using static MLPerfDotnet.Harness.Deployment.K8sManifest;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// Builds the manifests of a cluster run for one <c>kubectl apply -f DIR</c>, the same code path for every system.
/// Kubeflow: <c>00-data-pvc.yaml</c> (the claim, unless <c>--pvc</c> names one), <c>01-dataset-job.yaml</c> (download,
/// preprocess and verify KiTS19 into it) and <c>02-mpijob.yaml</c> (the timed run, <see cref="MpiJobManifest"/>), whose
/// launcher waits for the dataset's verified marker. T9k: the claim and <c>workflow_&lt;system&gt;.yaml</c>
/// (<see cref="T9kWorkflowManifest"/>).
/// </summary>
public static class K8sManifestBuilder
{
    public const string DataClaimFile = "00-data-pvc.yaml";

    public static IReadOnlyList<K8sManifest> Build(K8sDeploymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        var manifests = new List<K8sManifest>();
        if (options.ExistingClaim is null) manifests.Add(DataClaim(options));
        if (options.Platform == K8sPlatform.T9k) manifests.AddRange(T9kWorkflowManifest.Build(options));
        else manifests.AddRange([DatasetJob(options), MpiJobManifest.Build(options)]);
        return manifests;
    }

    public static K8sManifest DataClaim(K8sDeploymentOptions o) => new(DataClaimFile, Map(
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
            ("activeDeadlineSeconds", Seconds(o.DataStepTimeout)),
            ("template", Map(
                ("metadata", Map(("labels", Labels(o)))),
                ("spec", Map(
                    ("restartPolicy", "Never"),
                    ("schedulerName", o.Scheduler),
                    ("serviceAccountName", o.ServiceAccount),
                    ("containers", new[] { DatasetContainer(o, K8sVolumes.RawDir, K8sVolumes.DataDir, script: false) }),
                    ("volumes", K8sVolumes.Volumes(o, sharedMemory: false))))))))));

    /// <summary>
    /// The data step's container: a Job container (<c>command</c> bash -c) with the claim's sub-paths mounted, or a
    /// T9k SeqPod step (<c>script</c>, the workspace mounted by the template).
    /// </summary>
    public static OrderedDictionary<string, object?> DatasetContainer(K8sDeploymentOptions o, string rawDir, string dataDir, bool script)
    {
        string body = K8sDatasetScript.Script(rawDir, dataDir);
        return Map(
            ("name", "dataset"),
            ("image", o.Image),
            ("command", script ? null : new[] { "/bin/bash", "-c", body }),
            ("script", script ? body : null),
            ("env", o.Proxy is null ? null : new[] { EnvVar("http_proxy", o.Proxy), EnvVar("https_proxy", o.Proxy) }),
            ("resources", Resources(gpus: 0, o.CpusPerWorker, o.MemoryPerWorker)),
            ("volumeMounts", script ? null : K8sVolumes.Mounts((K8sVolumes.RawDir, false), (K8sVolumes.DataDir, false))));
    }

    public static OrderedDictionary<string, object?> Metadata(K8sDeploymentOptions o, string name, bool queue)
    {
        var labels = Labels(o);
        if (queue && o.Queue is not null && o.Platform == K8sPlatform.Kubeflow) labels.Add("kueue.x-k8s.io/queue-name", o.Queue);
        return Map(("name", name), ("namespace", o.Namespace), ("labels", labels));
    }

    public static OrderedDictionary<string, object?> Labels(K8sDeploymentOptions o)
        => Map(("app.kubernetes.io/name", "mlperf-unet3d"), ("mlperf.org/system", o.SystemLabel));

    /// <summary><see cref="Labels"/> and the run id, for the objects of one run.</summary>
    public static OrderedDictionary<string, object?> RunLabels(K8sDeploymentOptions o)
    {
        var labels = Labels(o);
        labels.Add("mlperf.org/run", o.RunId);
        return labels;
    }

    public static OrderedDictionary<string, object?> EnvVar(string name, string value) => Map(("name", name), ("value", value));

    /// <summary>The training containers' environment: the image's system configs, and one OpenMP thread per CPU.</summary>
    public static object[] TrainingEnv(K8sDeploymentOptions o) =>
    [
        EnvVar("MLPERF_SYSTEMS_DIR", MpiJobManifest.SystemsDir),
        EnvVar("OMP_NUM_THREADS", o.CpusPerWorker.ToString(CultureInfo.InvariantCulture)),
    ];

    public static long Seconds(TimeSpan span) => (long)span.TotalSeconds;

    /// <summary>Requests equal limits (Guaranteed QoS); GPUs only as limits, as the device plugin requires.</summary>
    public static OrderedDictionary<string, object?> Resources(int gpus, int cpus, string memory)
    {
        var limits = Map(("cpu", cpus), ("memory", memory));
        if (gpus > 0) limits.Add("nvidia.com/gpu", gpus);
        return Map(("requests", Map(("cpu", cpus), ("memory", memory))), ("limits", limits));
    }
}
