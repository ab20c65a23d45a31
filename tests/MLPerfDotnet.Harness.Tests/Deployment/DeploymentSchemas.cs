using MLPerfDotnet.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>The schemas of <c>Schemas/</c> (see its README.md): Kubeflow's MPIJob CRD subset and the T9k objects.</summary>
public static class DeploymentSchemas
{
    public static readonly string Folder = Path.Combine(SharedData.RepoRoot, "tests", "MLPerfDotnet.Harness.Tests", "Deployment", "Schemas");

    private static readonly Lazy<YamlMappingNode> KubeflowSchema = new(() => YamlTree.Load(Path.Combine(Folder, "kubeflow-mpijob-v2beta1.schema.yaml"))[0]);

    private static readonly Lazy<YamlMappingNode> T9kSchemas = new(() => YamlTree.Load(Path.Combine(Folder, "t9k-v1beta1.schema.yaml"))[0]);

    public static YamlMappingNode KubeflowMpiJob => KubeflowSchema.Value;

    /// <summary>The T9k schema of a kind: WorkflowTemplate, WorkflowRun or MPIJob.</summary>
    public static YamlMappingNode T9k(string kind) => YamlTree.Map(T9kSchemas.Value, kind);
}
