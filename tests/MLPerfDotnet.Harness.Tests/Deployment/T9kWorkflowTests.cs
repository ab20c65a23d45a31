using MLPerfDotnet.Harness.Deployment;
using YamlDotNet.RepresentationModel;
using static MLPerfDotnet.Harness.Tests.Deployment.YamlTree;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>The T9k workflow file of every GPU system, read back: the seed's four objects, their order and bindings.</summary>
public sealed class T9kWorkflowTests
{
    private static (GeneratedDeployment Deployment, IReadOnlyList<YamlMappingNode> Documents) Workflow(string system, Func<K8sDeploymentOptions, K8sDeploymentOptions>? change = null)
    {
        var deployment = GeneratedDeployment.For(system, K8sPlatform.T9k, change);
        return (deployment, deployment.File($"workflow_{system}.yaml"));
    }

    private static YamlMappingNode TrainJob(IReadOnlyList<YamlMappingNode> documents) => Parse(Text(documents[1], "spec", "resource", "manifest"))[0];

    [Theory]
    [MemberData(nameof(K8sManifestTests.GpuSystemNames), MemberType = typeof(K8sManifestTests))]
    public void WorkflowFile_HoldsTheSeedsFourObjects_AfterTheClaim(string system)
    {
        var (deployment, docs) = Workflow(system);
        using var owner = deployment;
        Assert.Equal(["00-data-pvc.yaml", $"workflow_{system}.yaml"], deployment.FileNames);
        string job = "unet3d-" + system.ToLowerInvariant();
        Assert.Equal(
            [("WorkflowTemplate", job + "-dataset", "SeqPod"), ("WorkflowTemplate", job + "-train", "Resource"), ("WorkflowTemplate", job, "DAG")],
            docs.Take(3).Select(d => (Text(d, "kind"), Text(d, "metadata", "name"), Text(d, "spec", "type"))));
        Assert.Equal(("WorkflowRun", $"{job}-{GeneratedDeployment.RunId}"), (Text(docs[3], "kind"), Text(docs[3], "metadata", "name")));
        Assert.All(docs, d => Assert.Equal("batch.tensorstack.dev/v1beta1", Text(d, "apiVersion")));
    }

    [Theory]
    [MemberData(nameof(K8sManifestTests.GpuSystemNames), MemberType = typeof(K8sManifestTests))]
    public void Dag_RunsTrainingAfterTheDataStep_AndStopsEverythingOnFailure(string system)
    {
        var (deployment, docs) = Workflow(system);
        using var owner = deployment;
        var dag = At(docs[2], "spec", "dag");
        Assert.Equal("StopAllWorkflowTemplates", Text(dag, "failureStrategy"));
        var nodes = Items(dag, "templates").ToDictionary(n => Text(n, "name"));
        Assert.Equal(Text(docs[0], "metadata", "name"), Text(nodes["dataset"], "workflowTemplateRef"));
        Assert.Equal(Text(docs[1], "metadata", "name"), Text(nodes["train"], "workflowTemplateRef"));
        Assert.False(TryGet(nodes["dataset"], "dependencies", out _));
        Assert.Equal(["dataset"], Items(nodes["train"], "dependencies").Select(d => Text(d)));
        Assert.Equal(("status.phase==Succeeded", "status.phase==Failed"),
            (Text(docs[1], "spec", "resource", "successRules", "fieldSelector"), Text(docs[1], "spec", "resource", "failureRules", "fieldSelector")));
    }

    [Theory]
    [MemberData(nameof(K8sManifestTests.GpuSystems), MemberType = typeof(K8sManifestTests))]
    public void TrainingMpiJob_HasTheSystemsWorkers_WithTheSeedsResources(string system, int ranks, int batch)
    {
        _ = batch;
        var (deployment, docs) = Workflow(system);
        using var owner = deployment;
        var job = TrainJob(docs);
        Assert.Equal(("batch.tensorstack.dev/v1beta1", "MPIJob"), (Text(job, "apiVersion"), Text(job, "kind")));
        Assert.Equal($"unet3d-{system.ToLowerInvariant()}-{GeneratedDeployment.RunId}-", Text(job, "metadata", "generateName"));
        Assert.Equal(ranks, Integer(job, "spec", "worker", "replicas"));
        var container = At(job, "spec", "worker", "template", "spec", "containers", 0);
        Assert.Equal(T9kMpiJobManifest.WorkerContainer, Text(container, "name"));
        Assert.Equal((4, "16Gi", 1), (Integer(container, "resources", "limits", "cpu"), Text(container, "resources", "limits", "memory"), Integer(container, "resources", "limits", "nvidia.com/gpu")));
        Assert.Equal(("/usr", "true"), (Text(job, "spec", "mpiHome"), Text(job, "spec", "runPolicy", "cleanUpWorkers")));
        string cmd = Text(job, "spec", "worker", "cmd", 2);
        Assert.Contains($"exec mlperf train --system {system} --result \"$result\"", cmd, StringComparison.Ordinal);
        Assert.Contains($"out=/results/MLPerfDotnet/results/{system}/unet3d", cmd, StringComparison.Ordinal);
        Assert.EndsWith($"exec mlperf train --system {system}\n", cmd, StringComparison.Ordinal);
        Assert.False(TryGet(job, "spec", out var spec) && TryGet(spec, "scheduler", out _));
    }

    [Theory]
    [MemberData(nameof(K8sManifestTests.GpuSystemNames), MemberType = typeof(K8sManifestTests))]
    public void Run_BindsTheClaim_ThatTheDataStepAndTheMpiJobUse(string system)
    {
        var (deployment, docs) = Workflow(system);
        using var owner = deployment;
        string claim = Text(deployment.Single("PersistentVolumeClaim"), "metadata", "name");
        var run = docs[3];
        Assert.Equal(Text(docs[2], "metadata", "name"), Text(run, "spec", "workflowTemplateRef"));
        Assert.Equal(("pvc", claim), (Text(run, "spec", "workspaces", 0, "name"), Text(run, "spec", "workspaces", 0, "persistentVolumeClaim", "claimName")));
        Assert.Equal(("pvc", "pvc"), (Text(docs[2], "spec", "dag", "templates", 0, "workspaces", 0, "name"), Text(docs[2], "spec", "dag", "templates", 0, "workspaces", 0, "workspace")));
        Assert.Equal("pvc", Text(docs[0], "spec", "workspaces", 0, "name"));
        Assert.Contains("$(workspaces.pvc.path)/data/.mlperf-verified", Text(docs[0], "spec", "seqPod", "steps", 0, "script"), StringComparison.Ordinal);
        Assert.Equal(claim, Text(TrainJob(docs), "spec", "worker", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"));
        Assert.Equal((K8sDeploymentOptions.DefaultT9kServiceAccount, GoDuration.Format(deployment.Options.Timeout)), (Text(run, "spec", "serviceAccountName"), Text(run, "spec", "timeout")));
    }

    [Fact]
    public void QueuePriorityAndAccount_GoToTheMpiJobAndTheRun()
    {
        var (deployment, docs) = Workflow("8GPU80GB", o => o with { Queue = "a100", Priority = 80, ServiceAccount = "mlperf-sa", Timeout = TimeSpan.FromMinutes(390) });
        using var owner = deployment;
        var job = TrainJob(docs);
        Assert.Equal(("a100", 80), (Text(job, "spec", "scheduler", "t9kScheduler", "queue"), Integer(job, "spec", "scheduler", "t9kScheduler", "priority")));
        Assert.Equal(("a100", "mlperf-sa", "6h30m0s"), (Text(docs[3], "spec", "scheduler", "t9kScheduler", "queue"), Text(docs[3], "spec", "serviceAccountName"), Text(docs[3], "spec", "timeout")));
        Assert.DoesNotContain("kueue", File.ReadAllText(deployment.Paths[1]), StringComparison.Ordinal);
    }
}
