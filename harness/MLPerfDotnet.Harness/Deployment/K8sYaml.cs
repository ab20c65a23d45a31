using YamlDotNet.Serialization;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// Writes manifests as YAML (YamlDotNet; strings that would read back as another type are quoted, multi-line
/// strings are literal blocks). Manifests that
/// share a file name go into that file as documents separated by <c>---</c>, in build order.
/// </summary>
public static class K8sYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .WithEventEmitter(next => new LiteralBlockEmitter(next))
        .Build();

    /// <summary>One object as a YAML document (no comment), e.g. the manifest string of a T9k Resource step.</summary>
    public static string Serialize(OrderedDictionary<string, object?> document) => Serializer.Serialize(document);

    public static string ToYaml(K8sManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var metadata = (IDictionary<string, object?>)manifest.Document["metadata"]!;
        string name = (string?)(metadata.TryGetValue("name", out var n) ? n : null) ?? "?";
        return $"# {manifest.Kind} {name} (written by mlperf k8s)\n" + Serialize(manifest.Document);
    }

    /// <summary>The content of each file, in the order the manifests first name it.</summary>
    public static IReadOnlyList<(string FileName, string Yaml)> Files(IEnumerable<K8sManifest> manifests)
        => manifests.GroupBy(m => m.FileName, StringComparer.Ordinal)
            .Select(file => (file.Key, string.Join("---\n", file.Select(ToYaml))))
            .ToList();

    /// <summary>Writes every manifest into <paramref name="directory"/> (created if needed); returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(string directory, IEnumerable<K8sManifest> manifests)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var (fileName, yaml) in Files(manifests))
        {
            var path = Path.Combine(directory, fileName);
            File.WriteAllText(path, yaml);
            paths.Add(path);
        }
        return paths;
    }
}
