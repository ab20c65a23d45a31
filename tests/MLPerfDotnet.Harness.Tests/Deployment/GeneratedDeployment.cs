using MLPerfDotnet.Harness.Deployment;
using MLPerfDotnet.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>The manifests of one system written to a temporary folder, as <c>mlperf k8s</c> writes them, and read back.</summary>
public sealed class GeneratedDeployment : IDisposable
{
    public static readonly string SystemsDir = Path.Combine(SharedData.RepoRoot, "systems");

    public const string RunId = "20261206-090046";

    private readonly TempFolder _folder = new();

    public GeneratedDeployment(K8sDeploymentOptions options)
    {
        Options = options;
        Paths = K8sYaml.WriteAll(_folder.Path, K8sManifestBuilder.Build(options));
    }

    public static GeneratedDeployment For(string system, K8sPlatform platform, Func<K8sDeploymentOptions, K8sDeploymentOptions>? change = null)
    {
        var options = OptionsFor(system, platform);
        return new GeneratedDeployment(change is null ? options : change(options));
    }

    public static K8sDeploymentOptions OptionsFor(string system, K8sPlatform platform)
        => K8sSystemDeployment.FromSystem(SystemsDir, system) with { Platform = platform, RunId = RunId };

    public K8sDeploymentOptions Options { get; }

    public IReadOnlyList<string> Paths { get; }

    public IEnumerable<string> FileNames => Paths.Select(p => Path.GetFileName(p));

    /// <summary>Every document of the file, parsed back.</summary>
    public IReadOnlyList<YamlMappingNode> File(string fileName) => YamlTree.Load(Paths.Single(p => Path.GetFileName(p) == fileName));

    /// <summary>The one document of a kind in the folder.</summary>
    public YamlMappingNode Single(string kind) => Paths.SelectMany(YamlTree.Load).Single(d => YamlTree.Text(d, "kind") == kind);

    public void Dispose() => _folder.Dispose();
}
