using System.Globalization;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>The CPU as /proc/cpuinfo names it: model name, family and model numbers, and its feature flags.</summary>
public sealed record CpuInfo(string ModelName, int Family, int Model, IReadOnlySet<string> Flags)
{
    public static CpuInfo Read(string path = "/proc/cpuinfo")
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return Unknown;
        }
        catch (UnauthorizedAccessException)
        {
            return Unknown;
        }
        return Parse(text);
    }

    public static CpuInfo Unknown { get; } = new("unknown CPU", -1, -1, new HashSet<string>());

    /// <summary>The first processor block of a /proc/cpuinfo text.</summary>
    public static CpuInfo Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n'))
        {
            if (line.Trim().Length == 0 && fields.Count > 0) break;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        int Number(string key) => fields.TryGetValue(key, out string? v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : -1;
        var flags = fields.TryGetValue("flags", out string? f) ? f.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal) : [];
        return new CpuInfo(fields.GetValueOrDefault("model name", "unknown CPU"), Number("cpu family"), Number("model"), flags);
    }

    /// <summary>e.g. "AMD EPYC (family 26 model 2, AVX-512)".</summary>
    public string Describe()
    {
        string widest = Flags.Contains("avx512f") ? "AVX-512" : Flags.Contains("avx2") ? "AVX2" : Flags.Contains("avx") ? "AVX" : "SSE";
        return string.Create(CultureInfo.InvariantCulture, $"{ModelName} (family {Family} model {Model}, {widest})");
    }
}
