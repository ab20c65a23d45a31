using System.CommandLine;
using MLPerfDotnet.Harness.Deployment;
using MLPerfDotnet.Harness.Systems;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf k8s --system NAME --out DIR</c>: writes the Kubernetes manifests of a cluster run (data claim, dataset
/// Job, Kubeflow MPIJob with one GPU worker per rank). Nothing is applied: review, then <c>kubectl apply -f DIR</c>.
/// </summary>
public static class K8sCommand
{
    public static Command Create()
    {
        var system = new Option<string>("--system") { Description = "System name: systems/<name>.config.json gives the rank count", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write the YAML manifests into", Required = true };
        var image = new Option<string>("--image") { Description = "Container image built from the repository Dockerfile", DefaultValueFactory = _ => K8sDeploymentOptions.DefaultImage };
        var ns = new Option<string>("--namespace") { Description = "Kubernetes namespace", DefaultValueFactory = _ => "default" };
        var queue = new Option<string?>("--queue") { Description = "Kueue LocalQueue name (label kueue.x-k8s.io/queue-name)" };
        var scheduler = new Option<string?>("--scheduler") { Description = "Pod schedulerName (e.g. volcano)" };
        var systemsDir = new Option<string>("--systems-dir") { Description = "Folder of system configs", DefaultValueFactory = _ => "systems" };
        var command = new Command("k8s", "Write Kubernetes manifests (PVC, dataset Job, MPIJob) for a multi-GPU system")
        {
            system, output, image, ns, queue, scheduler, systemsDir,
        };
        command.SetAction(parse =>
        {
            try
            {
                var options = K8sSystemDeployment.FromSystem(parse.GetValue(systemsDir)!, parse.GetValue(system)!) with
                {
                    Image = parse.GetValue(image)!,
                    Namespace = parse.GetValue(ns)!,
                    Queue = parse.GetValue(queue),
                    Scheduler = parse.GetValue(scheduler),
                };
                var paths = K8sYaml.WriteAll(parse.GetValue(output)!, K8sManifestBuilder.Build(options));
                foreach (var p in paths) Console.WriteLine($"wrote {p}");
                Console.WriteLine($"{options.Ranks} workers x {options.GpusPerWorker} GPU; apply in order: kubectl apply -f {paths[0]}, then the dataset Job, then the MPIJob once the Job has completed");
                return 0;
            }
            catch (Exception e) when (e is SystemConfigException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"mlperf k8s: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
