namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// What <c>mlperf k8s</c> deploys: one system's training as a Kubeflow MPIJob (one worker pod per rank), with its
/// data on a PersistentVolumeClaim filled by a dataset Job.
/// </summary>
public sealed record K8sDeploymentOptions
{
    public const string DefaultImage = "ghcr.io/mlperfdotnet/mlperf-unet3d:latest";

    /// <summary>The systems/&lt;name&gt; the run uses (also names the resources).</summary>
    public required string System { get; init; }

    /// <summary>Worker pods, one MPI rank each.</summary>
    public required int Ranks { get; init; }

    /// <summary>The image built from the repository's Dockerfile.</summary>
    public string Image { get; init; } = DefaultImage;

    public string Namespace { get; init; } = "default";

    /// <summary>Kueue LocalQueue (label kueue.x-k8s.io/queue-name), if any.</summary>
    public string? Queue { get; init; }

    /// <summary>Pod schedulerName (e.g. volcano), if not the default scheduler.</summary>
    public string? Scheduler { get; init; }

    public int GpusPerWorker { get; init; } = 1;

    public int CpusPerWorker { get; init; } = 4;

    public string MemoryPerWorker { get; init; } = "16Gi";

    /// <summary>Size of the data volume (raw KiTS19 ≈ 30 GB plus the preprocessed copy ≈ 30 GB).</summary>
    public string StorageSize { get; init; } = "150Gi";

    /// <summary>StorageClass of the claim (must support ReadWriteMany across nodes); null: the cluster default.</summary>
    public string? StorageClass { get; init; }

    /// <summary>Lower-case DNS-1123 name derived from the system: "8GPU80GB" → "unet3d-8gpu80gb".</summary>
    public string JobName => "unet3d-" + new string(System.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    public string ClaimName => "mlperf-unet3d-data";

    public string DatasetJobName => "mlperf-unet3d-dataset";

    /// <summary>Every problem with the values, each naming its option.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(System)) errors.Add("--system: must not be empty");
        if (Ranks < 1) errors.Add("ranks: must be at least 1");
        if (string.IsNullOrWhiteSpace(Image) || Image.Any(char.IsWhiteSpace)) errors.Add("--image: must be an image reference without spaces");
        if (!IsDnsLabel(Namespace)) errors.Add($"--namespace: '{Namespace}' is not a DNS-1123 label");
        if (Queue is not null && !IsDnsLabel(Queue)) errors.Add($"--queue: '{Queue}' is not a DNS-1123 label");
        if (Scheduler is not null && string.IsNullOrWhiteSpace(Scheduler)) errors.Add("--scheduler: must not be empty");
        if (GpusPerWorker < 0 || CpusPerWorker < 1) errors.Add("worker resources: GPUs must be >= 0 and CPUs >= 1");
        return errors;
    }

    private static bool IsDnsLabel(string s)
        => s.Length is > 0 and <= 63 && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && s[0] != '-' && s[^1] != '-';
}
