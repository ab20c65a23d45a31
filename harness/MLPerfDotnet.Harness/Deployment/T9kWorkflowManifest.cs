using static MLPerfDotnet.Harness.Deployment.K8sManifest;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// The seed's recipe for one system, in one file <c>workflow_&lt;system&gt;.yaml</c> of four documents
/// (<c>batch.tensorstack.dev/v1beta1</c>): WorkflowTemplate <c>&lt;job&gt;-dataset</c> (SeqPod: the idempotent data
/// step on workspace <c>pvc</c>), WorkflowTemplate <c>&lt;job&gt;-train</c> (Resource: creates the
/// <see cref="T9kMpiJobManifest"/>, done at phase Succeeded, failed at Failed), WorkflowTemplate <c>&lt;job&gt;</c> (DAG:
/// train after dataset, <c>StopAllWorkflowTemplates</c> on failure) and the WorkflowRun <c>&lt;job&gt;-&lt;run id&gt;</c>
/// binding the claim, service account, timeout and queue. The templates are per system (a re-apply updates them);
/// the run is per run id.
/// </summary>
public static class T9kWorkflowManifest
{
    public const string Workspace = "pvc";

    /// <summary>Where the dataset step mounts the claim (<c>$(workspaces.pvc.path)</c>).</summary>
    public const string WorkspaceMount = "/pvc";

    public static string FileName(K8sDeploymentOptions o) => $"workflow_{o.System}.yaml";

    public static string DatasetTemplate(K8sDeploymentOptions o) => o.JobName + "-dataset";

    public static string TrainTemplate(K8sDeploymentOptions o) => o.JobName + "-train";

    public static IReadOnlyList<K8sManifest> Build(K8sDeploymentOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        string file = FileName(o);
        string root = $"$(workspaces.{Workspace}.path)";
        var datasetStep = K8sManifestBuilder.DatasetContainer(o, root + K8sVolumes.RawDir, root + K8sVolumes.DataDir, script: true);
        var dataset = Template(o, DatasetTemplate(o), "Download, preprocess and verify KiTS19 on the claim (a no-op once verified)",
            Map(
                ("workspaces", new[] { Map(("name", Workspace), ("description", "the data claim: raw_data/, data/, results/"), ("mountPath", WorkspaceMount)) }),
                ("type", "SeqPod"),
                ("seqPod", Map(("steps", new[] { datasetStep })))));
        var train = Template(o, TrainTemplate(o), $"The timed run: a T9k MPIJob of {o.Ranks} workers",
            Map(
                ("type", "Resource"),
                ("resource", Map(
                    ("manifest", K8sYaml.Serialize(T9kMpiJobManifest.Build(o))),
                    ("successRules", Map(("fieldSelector", "status.phase==Succeeded"))),
                    ("failureRules", Map(("fieldSelector", "status.phase==Failed")))))));
        var dag = Template(o, o.JobName, $"unet3d on {o.System}: the data step, then the timed run",
            Map(
                ("workspaces", new[] { Map(("name", Workspace), ("description", "the data claim")) }),
                ("type", "DAG"),
                ("dag", Map(
                    ("failureStrategy", "StopAllWorkflowTemplates"),
                    ("templates", new[]
                    {
                        Map(("name", "dataset"), ("workflowTemplateRef", DatasetTemplate(o)),
                            ("workspaces", new[] { Map(("name", Workspace), ("workspace", Workspace)) })),
                        Map(("name", "train"), ("workflowTemplateRef", TrainTemplate(o)), ("dependencies", new[] { "dataset" })),
                    })))));
        var run = Map(
            ("apiVersion", T9kMpiJobManifest.ApiVersion),
            ("kind", "WorkflowRun"),
            ("metadata", Map(("name", o.RunName), ("namespace", o.Namespace), ("labels", K8sManifestBuilder.RunLabels(o)))),
            ("spec", Map(
                ("workflowTemplateRef", o.JobName),
                ("serviceAccountName", o.ServiceAccount ?? K8sDeploymentOptions.DefaultT9kServiceAccount),
                ("timeout", GoDuration.Format(o.Timeout)),
                ("workspaces", new[] { Map(("name", Workspace), ("persistentVolumeClaim", Map(("claimName", o.ClaimName)))) }),
                ("scheduler", o.Queue is null ? null : Map(("t9kScheduler", Map(("queue", o.Queue))))))));
        return [new(file, dataset), new(file, train), new(file, dag), new(file, run)];
    }

    private static OrderedDictionary<string, object?> Template(K8sDeploymentOptions o, string name, string description, OrderedDictionary<string, object?> body)
    {
        var spec = Map(("description", description));
        foreach (var (key, value) in body) spec.Add(key, value);
        return Map(
            ("apiVersion", T9kMpiJobManifest.ApiVersion),
            ("kind", "WorkflowTemplate"),
            ("metadata", Map(("name", name), ("namespace", o.Namespace), ("labels", K8sManifestBuilder.Labels(o)))),
            ("spec", spec));
    }
}
