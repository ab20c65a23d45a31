namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// What <c>mlperf k8s</c> deploys: one system's timed run as an MPIJob (one worker pod per rank) behind a data step
/// that fills a PersistentVolumeClaim, on Kubeflow or on T9k (<see cref="K8sPlatform"/>).
/// </summary>
public sealed record K8sDeploymentOptions
{
    public const string DefaultImage = "ghcr.io/mlperfdotnet/mlperf-unet3d:latest";

    public const string DefaultClaimName = "mlperf-unet3d-data";

    /// <summary>The seed's service account: T9k's per-project account, allowed to create the MPIJob.</summary>
    public const string DefaultT9kServiceAccount = "managed-project-sa";

    /// <summary>The systems/&lt;name&gt; the run uses (also names the resources).</summary>
    public required string System { get; init; }

    /// <summary>Worker pods, one MPI rank each.</summary>
    public required int Ranks { get; init; }

    public K8sPlatform Platform { get; init; } = K8sPlatform.Kubeflow;

    /// <summary>Makes this run's object names unique (a second run does not collide with the first); see <see cref="RunIds"/>.</summary>
    public string RunId { get; init; } = "run";

    /// <summary>The submission's organisation folder (the run config's <c>org</c>).</summary>
    public string Org { get; init; } = "MLPerfDotnet";

    /// <summary>The image built from the repository's Dockerfile.</summary>
    public string Image { get; init; } = DefaultImage;

    public string Namespace { get; init; } = "default";

    /// <summary>Kubeflow: Kueue LocalQueue (label kueue.x-k8s.io/queue-name). T9k: <c>scheduler.t9kScheduler.queue</c>.</summary>
    public string? Queue { get; init; }

    /// <summary>T9k only: <c>scheduler.t9kScheduler.priority</c>, 0–100 (needs <see cref="Queue"/>).</summary>
    public int? Priority { get; init; }

    /// <summary>Kubeflow only: pod schedulerName (e.g. volcano), if not the default scheduler.</summary>
    public string? Scheduler { get; init; }

    /// <summary>HTTP(S) proxy for the data step's download (http_proxy and https_proxy), if the cluster needs one.</summary>
    public string? Proxy { get; init; }

    /// <summary>An existing claim to use (no claim manifest is written); null: write and use <see cref="DefaultClaimName"/>.</summary>
    public string? ExistingClaim { get; init; }

    /// <summary>Service account of the pods (Kubeflow) or of the WorkflowRun (T9k; default <see cref="DefaultT9kServiceAccount"/>).</summary>
    public string? ServiceAccount { get; init; }

    /// <summary>Wall-clock limit of the whole run, data step included (<see cref="K8sTimeBudget"/> gives the default).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Limit of the data step (Kubeflow: the dataset Job's deadline and the launcher's wait for its marker).</summary>
    public TimeSpan DataStepTimeout { get; init; } = K8sTimeBudget.Default.DataStep;

    public int GpusPerWorker { get; init; } = 1;

    public int CpusPerWorker { get; init; } = 4;

    public string MemoryPerWorker { get; init; } = "16Gi";

    /// <summary>Size of the data volume (raw KiTS19 ≈ 30 GB plus the preprocessed copy ≈ 30 GB).</summary>
    public string StorageSize { get; init; } = "150Gi";

    /// <summary>StorageClass of the claim (must support ReadWriteMany across nodes); null: the cluster default.</summary>
    public string? StorageClass { get; init; }

    /// <summary>Lower-case DNS-1123 name derived from the system: "8GPU80GB" → "unet3d-8gpu80gb" (names the templates).</summary>
    public string JobName => "unet3d-" + SystemLabel;

    /// <summary>"8gpu80gb": the system as a label value.</summary>
    public string SystemLabel => new string(System.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    /// <summary>This run's MPIJob (Kubeflow) or WorkflowRun (T9k): <c>unet3d-8gpu80gb-&lt;run id&gt;</c>.</summary>
    public string RunName => $"{JobName}-{RunId}";

    public string ClaimName => ExistingClaim ?? DefaultClaimName;

    /// <summary>This run's dataset Job (Kubeflow).</summary>
    public string DatasetJobName => $"mlperf-unet3d-dataset-{RunId}";

    /// <summary>Every problem with the values, each naming its option.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(System) || SystemLabel.Length == 0) errors.Add("--system: must name a system");
        if (Ranks < 1) errors.Add("ranks: must be at least 1");
        if (string.IsNullOrWhiteSpace(Image) || Image.Any(char.IsWhiteSpace)) errors.Add("--image: must be an image reference without spaces");
        if (!K8sNames.IsDnsLabel(Namespace)) errors.Add($"--namespace: '{Namespace}' is not a DNS-1123 label");
        if (!K8sNames.IsDnsLabel(RunId) || RunId.Length > RunIds.MaxLength) errors.Add($"--run-id: '{RunId}' must be at most {RunIds.MaxLength} lower-case letters, digits and '-'");
        if (Queue is not null && !K8sNames.IsDnsLabel(Queue)) errors.Add($"--queue: '{Queue}' is not a DNS-1123 label");
        if (Scheduler is not null && (string.IsNullOrWhiteSpace(Scheduler) || Platform == K8sPlatform.T9k))
            errors.Add(Platform == K8sPlatform.T9k ? "--scheduler: Kubeflow only (T9k schedules through --queue)" : "--scheduler: must not be empty");
        if (Priority is not null && Platform != K8sPlatform.T9k) errors.Add("--priority: T9k only (Kubeflow takes a PriorityClass through Kueue or Volcano)");
        if (Priority is < 0 or > 100) errors.Add($"--priority: {Priority} is outside 0..100");
        if (Priority is not null && Queue is null && Platform == K8sPlatform.T9k) errors.Add("--priority: needs --queue (T9k's scheduler requires a queue)");
        if (Proxy is not null && !(Uri.TryCreate(Proxy, UriKind.Absolute, out var proxy) && proxy.Scheme is "http" or "https"))
            errors.Add($"--proxy: '{Proxy}' is not an http:// or https:// URL");
        if (ExistingClaim is not null && !K8sNames.IsDnsSubdomain(ExistingClaim)) errors.Add($"--pvc: '{ExistingClaim}' is not a DNS-1123 name");
        if (ServiceAccount is not null && !K8sNames.IsDnsSubdomain(ServiceAccount)) errors.Add($"--service-account: '{ServiceAccount}' is not a DNS-1123 name");
        if (Timeout < TimeSpan.FromMinutes(1) || Timeout.Ticks % TimeSpan.TicksPerSecond != 0) errors.Add("--timeout: must be whole seconds, at least one minute");
        if (DataStepTimeout <= TimeSpan.Zero || DataStepTimeout >= Timeout) errors.Add($"--timeout: {Timeout} leaves no time to train after the data step's {DataStepTimeout}");
        if (GpusPerWorker < 0 || CpusPerWorker < 1) errors.Add("worker resources: GPUs must be >= 0 and CPUs >= 1");
        string lastWorker = $"{RunName}-worker-{Ranks - 1}";
        if (errors.Count == 0 && !K8sNames.IsDns1035Label(lastWorker)) errors.Add($"--run-id: the last worker pod '{lastWorker}' is not a DNS-1035 label of at most 63 characters");
        return errors;
    }
}
