using MLPerfDotnet.Harness.Deployment;
using YamlDotNet.RepresentationModel;
using static MLPerfDotnet.Harness.Tests.Deployment.YamlTree;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>
/// The Kubeflow MPIJob against kubeflow/mpi-operator's CRD schema (the subset in Schemas/) and its controller's
/// validation. Each rule is shown to reject a manifest broken in just that way, so a passing manifest means something.
/// </summary>
public sealed class KubeflowSchemaTests
{
    private static YamlMappingNode Job(string system = "8GPU80GB")
    {
        using var deployment = GeneratedDeployment.For(system, K8sPlatform.Kubeflow, o => o with { Queue = "gpu", Scheduler = "volcano", ServiceAccount = "runner" });
        return deployment.Single("MPIJob");
    }

    private static IReadOnlyList<string> SchemaErrors(YamlMappingNode job) => OpenApiValidator.Validate(DeploymentSchemas.KubeflowMpiJob, job);

    [Theory]
    [MemberData(nameof(K8sManifestTests.GpuSystemNames), MemberType = typeof(K8sManifestTests))]
    public void GeneratedMpiJob_PassesTheCrdSchema_AndTheControllersValidation(string system)
    {
        var job = Job(system);
        Assert.Empty(SchemaErrors(job));
        Assert.Empty(KubeflowMpiJobRules.Validate(job));
    }

    [Fact]
    public void Schema_RejectsAnUnknownField()
    {
        var job = Job();
        Map(job, "spec").Add("slotsPerWorkers", Plain("1"));
        Assert.Contains("spec.slotsPerWorkers: unknown field", SchemaErrors(job));
    }

    [Fact]
    public void Schema_RejectsAnImplementationOutsideTheEnum()
    {
        var job = Job();
        Map(job, "spec").Children[new YamlScalarNode("mpiImplementation")] = Plain("mpich");
        Assert.Single(SchemaErrors(job), e => e.StartsWith("spec.mpiImplementation: 'mpich' is not one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_RejectsAQuotedReplicaCount()
    {
        var job = Job();
        Map(job, "spec", "mpiReplicaSpecs", "Worker").Children[new YamlScalarNode("replicas")] = Quoted("8");
        Assert.Contains("spec.mpiReplicaSpecs.Worker.replicas: integer expected, got string '8'", SchemaErrors(job));
    }

    [Fact]
    public void Schema_RejectsAMalformedQuantity_AndAContainerWithoutName()
    {
        var job = Job();
        var worker = Map(job, "spec", "mpiReplicaSpecs", "Worker", "template", "spec", "containers", 0);
        Map(worker, "resources", "limits").Children[new YamlScalarNode("memory")] = Plain("16 GiB");
        worker.Children.Remove(new YamlScalarNode("name"));
        var errors = SchemaErrors(job);
        Assert.Contains(errors, e => e.StartsWith("spec.mpiReplicaSpecs.Worker.template.spec.containers[0].resources.limits.memory: '16 GiB' does not match", StringComparison.Ordinal));
        Assert.Contains("spec.mpiReplicaSpecs.Worker.template.spec.containers[0].name: required", errors);
    }

    [Fact]
    public void Schema_RejectsTwoContainersOfOneName()
    {
        var job = Job();
        var containers = (YamlSequenceNode)At(job, "spec", "mpiReplicaSpecs", "Worker", "template", "spec", "containers");
        containers.Add(containers.Children[0]);
        Assert.Contains(SchemaErrors(job), e => e.Contains("duplicate entry with name 'worker'", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_RequiresMpiReplicaSpecs()
    {
        var job = Job();
        Map(job, "spec").Children.Remove(new YamlScalarNode("mpiReplicaSpecs"));
        Assert.Contains("spec.mpiReplicaSpecs: required", SchemaErrors(job));
    }

    [Fact]
    public void Controller_RequiresExactlyOneLauncher()
    {
        var job = Job();
        Map(job, "spec", "mpiReplicaSpecs", "Launcher").Children[new YamlScalarNode("replicas")] = Plain("2");
        Assert.Equal(["spec.mpiReplicaSpecs[Launcher].replicas: must be 1"], KubeflowMpiJobRules.Validate(job));
        Map(job, "spec", "mpiReplicaSpecs").Children.Remove(new YamlScalarNode("Launcher"));
        Assert.Equal(["spec.mpiReplicaSpecs[Launcher]: must have Launcher replica spec"], KubeflowMpiJobRules.Validate(job));
    }

    [Fact]
    public void Controller_RequiresAWorker_WhenTheWorkerSpecIsThere()
    {
        var job = Job();
        Map(job, "spec", "mpiReplicaSpecs", "Worker").Children[new YamlScalarNode("replicas")] = Plain("0");
        Assert.Equal(["spec.mpiReplicaSpecs[Worker].replicas: must be greater than or equal to 1"], KubeflowMpiJobRules.Validate(job));
    }

    [Fact]
    public void Controller_RejectsARestartPolicyItDoesNotSupport()
    {
        var job = Job();
        Map(job, "spec", "mpiReplicaSpecs", "Worker").Add("restartPolicy", Plain("Always"));
        Assert.Equal(["spec.mpiReplicaSpecs[Worker].restartPolicy: 'Always' is not supported"], KubeflowMpiJobRules.Validate(job));
    }

    [Fact]
    public void Controller_RequiresAContainerPerReplicaSpec()
    {
        var job = Job();
        ((YamlSequenceNode)At(job, "spec", "mpiReplicaSpecs", "Launcher", "template", "spec", "containers")).Children.Clear();
        Assert.Equal(["spec.mpiReplicaSpecs[Launcher].template.spec.containers: must define at least one container"], KubeflowMpiJobRules.Validate(job));
    }

    [Fact]
    public void Controller_RejectsACleanPodPolicyOrManagerItDoesNotKnow()
    {
        var job = Job();
        Map(job, "spec", "runPolicy").Children[new YamlScalarNode("cleanPodPolicy")] = Plain("Finished");
        Map(job, "spec", "runPolicy").Add("managedBy", Plain("someone"));
        Assert.Equal(["spec.runPolicy.cleanPodPolicy: 'Finished' is not supported", "spec.runPolicy.managedBy: 'someone' is not supported"], KubeflowMpiJobRules.Validate(job));
    }

    [Fact]
    public void Controller_RejectsANegativeDeadline()
    {
        var job = Job();
        Map(job, "spec", "runPolicy").Children[new YamlScalarNode("activeDeadlineSeconds")] = Plain("-1");
        Assert.Equal(["spec.runPolicy.activeDeadlineSeconds: must be non-negative"], KubeflowMpiJobRules.Validate(job));
    }

    [Fact]
    public void Controller_RejectsANameWhoseLastWorkerPodIsNoDns1035Label()
    {
        var job = Job();
        Map(job, "metadata").Children[new YamlScalarNode("name")] = Plain("8gpu-" + new string('x', 50));
        Assert.Single(KubeflowMpiJobRules.Validate(job), e => e.StartsWith("metadata.name: pod and service name '8gpu-", StringComparison.Ordinal));
    }
}
