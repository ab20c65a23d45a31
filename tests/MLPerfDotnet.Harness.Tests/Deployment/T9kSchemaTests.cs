using MLPerfDotnet.Harness.Deployment;
using YamlDotNet.RepresentationModel;
using static MLPerfDotnet.Harness.Tests.Deployment.YamlTree;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>
/// The T9k workflow against the schema written from t9k.md (Schemas/t9k-v1beta1.schema.yaml) and the cross-object
/// rules of <see cref="T9kWorkflowRules"/>: the generated file passes, and each rule rejects a file broken in its way.
/// </summary>
public sealed class T9kSchemaTests
{
    private static List<YamlMappingNode> Documents(string system = "4GPU40GB", Func<K8sDeploymentOptions, K8sDeploymentOptions>? change = null)
    {
        using var deployment = GeneratedDeployment.For(system, K8sPlatform.T9k, change);
        return [.. deployment.File($"workflow_{system}.yaml")];
    }

    /// <summary>Replaces the Resource step's manifest after <paramref name="change"/> edits the parsed MPIJob.</summary>
    private static void EditMpiJob(List<YamlMappingNode> docs, Action<YamlMappingNode> change)
    {
        var job = Parse(Text(docs[1], "spec", "resource", "manifest"))[0];
        change(job);
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(job)).Save(writer, assignAnchors: false);
        Map(docs[1], "spec", "resource").Children[new YamlScalarNode("manifest")] = Quoted(writer.ToString());
    }

    private static void Fails(List<YamlMappingNode> docs, string expected)
        => Assert.Contains(T9kWorkflowRules.Validate(docs), e => e.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(K8sManifestTests.GpuSystemNames), MemberType = typeof(K8sManifestTests))]
    public void GeneratedWorkflow_PassesEveryRule(string system)
    {
        Assert.Empty(T9kWorkflowRules.Validate(Documents(system)));
        Assert.Empty(T9kWorkflowRules.Validate(Documents(system, o => o with { Queue = "default", Priority = 50, Proxy = "http://proxy:3128", ExistingClaim = "mlperf" })));
    }

    [Fact]
    public void WrongApiVersion_IsRejected()
    {
        var docs = Documents();
        docs[0].Children[new YamlScalarNode("apiVersion")] = Plain("batch.tensorstack.dev/apis");
        Fails(docs, "apiVersion: 'batch.tensorstack.dev/apis' is not one of");
    }

    [Fact]
    public void UnknownTemplateType_IsRejected()
    {
        var docs = Documents();
        Map(docs[0], "spec").Children[new YamlScalarNode("type")] = Plain("Sequence");
        Fails(docs, "spec.type: 'Sequence' is not one of");
    }

    [Fact]
    public void TypeWithoutItsBodyField_IsRejected()
    {
        var docs = Documents();
        Map(docs[0], "spec").Children[new YamlScalarNode("type")] = Plain("Pod");
        Fails(docs, "spec.type Pod needs spec.pod");
        Fails(docs, "spec.seqPod does not belong to type Pod");
    }

    [Fact]
    public void UnknownFieldInAStep_IsRejected()
    {
        var docs = Documents();
        Map(docs[0], "spec", "seqPod", "steps", 0).Add("shell", Plain("bash"));
        Fails(docs, "spec.seqPod.steps[0].shell: unknown field");
    }

    [Fact]
    public void DagNodeReferringToAMissingTemplate_IsRejected()
    {
        var docs = Documents();
        docs.RemoveAt(0);
        Fails(docs, "refers to WorkflowTemplate 'unet3d-4gpu40gb-dataset', which is not in namespace default");
    }

    [Fact]
    public void TemplateInAnotherNamespace_DoesNotCount()
    {
        var docs = Documents();
        Map(docs[1], "metadata").Children[new YamlScalarNode("namespace")] = Plain("elsewhere");
        Fails(docs, "refers to WorkflowTemplate 'unet3d-4gpu40gb-train', which is not in namespace default");
    }

    [Fact]
    public void DependencyOnAMissingNode_AndACycle_AreRejected()
    {
        var docs = Documents();
        ((YamlSequenceNode)At(docs[2], "spec", "dag", "templates", 1, "dependencies")).Add(Plain("download"));
        Fails(docs, "node train depends on 'download', which is no node of the DAG");
        var cyclic = Documents();
        Map(cyclic[2], "spec", "dag", "templates", 0).Add("dependencies", new YamlSequenceNode(Plain("train")));
        Fails(cyclic, "the DAG's dependencies form a cycle");
    }

    [Fact]
    public void UnboundWorkspace_IsRejected_InTheDagAndInTheRun()
    {
        var docs = Documents();
        Map(docs[2], "spec", "dag", "templates", 0).Children.Remove(new YamlScalarNode("workspaces"));
        Fails(docs, "node dataset leaves workspace 'pvc' of unet3d-4gpu40gb-dataset unbound");
        var run = Documents();
        Map(run[3], "spec").Children.Remove(new YamlScalarNode("workspaces"));
        Fails(run, "leaves workspace 'pvc' of unet3d-4gpu40gb unbound");
    }

    [Fact]
    public void WorkspaceWithoutASource_IsRejected()
    {
        var docs = Documents();
        Map(docs[3], "spec", "workspaces", 0).Children.Remove(new YamlScalarNode("persistentVolumeClaim"));
        Fails(docs, "workspace 'pvc' needs exactly one of persistentVolumeClaim");
    }

    [Fact]
    public void ParamWithoutDefault_MustBeBound_AsAString()
    {
        var docs = Documents();
        Map(docs[2], "spec").Add("params", new YamlSequenceNode(new YamlMappingNode("name", "pvc_name")));
        Fails(docs, "param 'pvc_name' has no default and is not bound");
        Map(docs[3], "spec").Add("params", new YamlSequenceNode(new YamlMappingNode(Plain("name"), Plain("pvc_name"), Plain("value"), Plain("4"))));
        Assert.DoesNotContain(T9kWorkflowRules.Validate(docs), e => e.Contains("is not bound", StringComparison.Ordinal));
        Fails(docs, "spec.params[0].value: string expected, got integer '4'");
    }

    [Fact]
    public void VariableNamingAnUndeclaredWorkspace_IsRejected()
    {
        var docs = Documents();
        var step = Map(docs[0], "spec", "seqPod", "steps", 0);
        step.Children[new YamlScalarNode("script")] = Quoted(Text(step, "script").Replace("$(workspaces.pvc.path)", "$(workspaces.data.path)", StringComparison.Ordinal));
        Fails(docs, "$(workspaces.data.path) names no declared workspace");
    }

    [Fact]
    public void RunWithBothOrNeitherTemplateSource_IsRejected()
    {
        var docs = Documents();
        Map(docs[3], "spec").Add("workflowTemplateSpec", new YamlMappingNode());
        Fails(docs, "exactly one of workflowTemplateRef and workflowTemplateSpec");
    }

    [Fact]
    public void RunCreatingAnObjectWithoutServiceAccount_IsRejected()
    {
        var docs = Documents();
        Map(docs[3], "spec").Children.Remove(new YamlScalarNode("serviceAccountName"));
        Fails(docs, "a Resource step needs spec.serviceAccountName");
    }

    [Fact]
    public void TimeoutThatIsNoGoDuration_IsRejected()
    {
        var docs = Documents();
        Map(docs[3], "spec").Children[new YamlScalarNode("timeout")] = Plain("8 hours");
        Fails(docs, "spec.timeout: '8 hours' does not match");
    }

    [Fact]
    public void UnknownFailureStrategy_IsRejected()
    {
        var docs = Documents();
        Map(docs[2], "spec", "dag").Children[new YamlScalarNode("failureStrategy")] = Plain("StopAll");
        Fails(docs, "spec.dag.failureStrategy: 'StopAll' is not one of");
    }

    [Fact]
    public void MalformedSuccessRule_IsRejected()
    {
        var docs = Documents();
        Map(docs[1], "spec", "resource", "successRules").Children[new YamlScalarNode("fieldSelector")] = Plain("phase is Succeeded");
        Fails(docs, "spec.resource.successRules.fieldSelector: 'phase is Succeeded' does not match");
    }

    [Fact]
    public void ManifestWithAFixedName_IsRejected()
    {
        var docs = Documents();
        EditMpiJob(docs, job => Map(job, "metadata").Add("name", Plain("mlperf-segmentation")));
        Fails(docs, "must be named by metadata.generateName");
    }

    [Fact]
    public void MpiJobWithoutCmd_IsRejected()
    {
        var docs = Documents();
        EditMpiJob(docs, job => Map(job, "spec", "worker").Children.Remove(new YamlScalarNode("cmd")));
        Fails(docs, "manifest MPIJob: spec.worker.cmd: required");
    }

    [Fact]
    public void MpiJobWithoutTheMpiWorkerContainer_IsRejected()
    {
        var docs = Documents();
        EditMpiJob(docs, job => Map(job, "spec", "worker", "template", "spec", "containers", 0).Children[new YamlScalarNode("name")] = Plain("worker"));
        Fails(docs, "worker.template needs a container named mpi-worker");
    }

    [Fact]
    public void PriorityOutside0To100_AndQueueMissing_AreRejected()
    {
        var docs = Documents(change: o => o with { Queue = "default", Priority = 50 });
        EditMpiJob(docs, job =>
        {
            var scheduler = Map(job, "spec", "scheduler", "t9kScheduler");
            scheduler.Children[new YamlScalarNode("priority")] = Plain("101");
            scheduler.Children.Remove(new YamlScalarNode("queue"));
        });
        Fails(docs, "spec.scheduler.t9kScheduler.priority: 101 is above the maximum 100");
        Fails(docs, "spec.scheduler.t9kScheduler.queue: required");
    }

    [Fact]
    public void WorkerPodNameLongerThan63_IsRejected()
    {
        var docs = Documents();
        EditMpiJob(docs, job => Map(job, "metadata").Children[new YamlScalarNode("generateName")] = Plain(new string('u', 50) + "-"));
        Fails(docs, "is not a DNS label of at most 63 characters");
    }
}
