using System.CommandLine;
using MLPerfDotnet.Harness.Deployment;
using MLPerfDotnet.Harness.Systems;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf k8s --system NAME [--platform kubeflow|t9k] --out DIR</c>: writes the manifests of a cluster run, for one
/// <c>kubectl apply -f DIR</c> that downloads and verifies KiTS19 on a claim, then trains (docs/cluster.md). Kubeflow:
/// data claim, dataset Job, MPIJob whose launcher waits for the verified data. T9k: data claim and the seed's
/// workflow file (dataset and training templates, DAG, WorkflowRun). Nothing is applied. Exit codes: 0 written,
/// 2 bad input (one line on stderr).
/// </summary>
public static class K8sCommand
{
    public static Command Create()
    {
        var system = new Option<string>("--system") { Description = "System name: systems/<name>.config.json gives the rank count", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write the YAML manifests into", Required = true };
        var platform = new Option<string>("--platform") { Description = "kubeflow (MPIJob, mpi-operator) or t9k (TensorStack workflow)", DefaultValueFactory = _ => "kubeflow" };
        platform.AcceptOnlyFromAmong("kubeflow", "t9k");
        var image = new Option<string>("--image") { Description = "Container image built from the repository Dockerfile", DefaultValueFactory = _ => K8sDeploymentOptions.DefaultImage };
        var ns = new Option<string>("--namespace") { Description = "Kubernetes namespace (T9k: the project's namespace)", DefaultValueFactory = _ => "default" };
        var queue = new Option<string?>("--queue") { Description = "kubeflow: Kueue LocalQueue (label kueue.x-k8s.io/queue-name); t9k: T9k scheduler queue" };
        var priority = new Option<int?>("--priority") { Description = "t9k: priority in the queue, 0-100" };
        var scheduler = new Option<string?>("--scheduler") { Description = "kubeflow: pod schedulerName (e.g. volcano)" };
        var proxy = new Option<string?>("--proxy") { Description = "HTTP(S) proxy URL for the KiTS19 download" };
        var pvc = new Option<string?>("--pvc") { Description = "Existing ReadWriteMany claim to use (no claim manifest is written)" };
        var serviceAccount = new Option<string?>("--service-account") { Description = $"Service account (t9k default: {K8sDeploymentOptions.DefaultT9kServiceAccount})" };
        var timeout = new Option<string?>("--timeout") { Description = "Limit of the whole run, e.g. 8h or 1h30m (default: derived from the system)" };
        var runId = new Option<string?>("--run-id") { Description = "Suffix of this run's object names (default: the UTC time, yyyyMMdd-HHmmss)" };
        var systemsDir = new Option<string>("--systems-dir") { Description = "Folder of system configs", DefaultValueFactory = _ => "systems" };
        var command = new Command("k8s", "Write Kubernetes manifests (Kubeflow MPIJob or T9k workflow) for one kubectl apply")
        {
            system, output, platform, image, ns, queue, priority, scheduler, proxy, pvc, serviceAccount, timeout, runId, systemsDir,
        };
        command.SetAction(parse =>
        {
            try
            {
                var options = K8sSystemDeployment.FromSystem(parse.GetValue(systemsDir)!, parse.GetValue(system)!);
                var limit = options.Timeout;
                if (parse.GetValue(timeout) is { } text && !GoDuration.TryParse(text, out limit))
                    throw new ArgumentException($"--timeout: '{text}' is not a duration such as 8h, 90m or 1h30m");
                options = options with
                {
                    Platform = parse.GetValue(platform) == "t9k" ? K8sPlatform.T9k : K8sPlatform.Kubeflow,
                    RunId = parse.GetValue(runId) ?? RunIds.FromTime(DateTimeOffset.UtcNow),
                    Image = parse.GetValue(image)!,
                    Namespace = parse.GetValue(ns)!,
                    Queue = parse.GetValue(queue),
                    Priority = parse.GetValue(priority),
                    Scheduler = parse.GetValue(scheduler),
                    Proxy = parse.GetValue(proxy),
                    ExistingClaim = parse.GetValue(pvc),
                    ServiceAccount = parse.GetValue(serviceAccount),
                    Timeout = limit,
                };
                var manifests = K8sManifestBuilder.Build(options);
                var paths = K8sYaml.WriteAll(parse.GetValue(output)!, manifests);
                foreach (var p in paths) Console.WriteLine($"wrote {p}");
                Console.WriteLine($"{options.Ranks} workers x {options.GpusPerWorker} GPU, timeout {GoDuration.Format(options.Timeout)}; run: kubectl apply -f {parse.GetValue(output)}");
                Console.WriteLine(options.Platform == K8sPlatform.T9k
                    ? $"then watch WorkflowRun {options.RunName} in the T9k console (docs/cluster.md)"
                    : $"then: kubectl logs -f -l mlperf.org/run={options.RunId},training.kubeflow.org/job-role=launcher (docs/cluster.md)");
                return 0;
            }
            catch (Exception e) when (e is SystemConfigException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"mlperf k8s: {e.Message.Replace(" (Parameter 'options')", "", StringComparison.Ordinal)}");
                return 2;
            }
        });
        return command;
    }
}
