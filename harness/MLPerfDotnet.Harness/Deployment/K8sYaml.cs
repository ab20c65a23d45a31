using YamlDotNet.Serialization;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>Writes manifests as YAML (YamlDotNet; strings that would read back as another type are quoted).</summary>
public static class K8sYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static string ToYaml(K8sManifest manifest)
        => $"# {manifest.Kind} {((IDictionary<string, object?>)manifest.Document["metadata"]!)["name"]} (written by mlperf k8s)\n"
           + Serializer.Serialize(manifest.Document);

    /// <summary>Writes every manifest into <paramref name="directory"/> (created if needed); returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(string directory, IEnumerable<K8sManifest> manifests)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var m in manifests)
        {
            var path = Path.Combine(directory, m.FileName);
            File.WriteAllText(path, ToYaml(m));
            paths.Add(path);
        }
        return paths;
    }
}
