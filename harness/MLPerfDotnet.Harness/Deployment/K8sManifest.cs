namespace MLPerfDotnet.Harness.Deployment;

/// <summary>One Kubernetes object as an ordered tree of maps, lists and scalars, and the file it is written to.</summary>
public sealed record K8sManifest(string FileName, OrderedDictionary<string, object?> Document)
{
    public string ApiVersion => (string)Document["apiVersion"]!;

    public string Kind => (string)Document["kind"]!;

    /// <summary>An ordered map of the non-null entries.</summary>
    public static OrderedDictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (value is not null) map.Add(key, value);
        }
        return map;
    }
}
