using System.Security.Cryptography;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Files;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Harness.Running;

/// <summary>
/// The seed of every run, fixed in <c>seeds.json</c> before the first run starts. A later invocation reuses the
/// recorded seeds; asking for more runs extends the list; given seeds that contradict the record are an error.
/// </summary>
public static class SeedBook
{
    public const long MaxSeed = uint.MaxValue;

    public static IReadOnlyList<long> Ensure(string path, int runs, IReadOnlyList<long>? given)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        if (given is not null)
        {
            if (given.Count < runs) throw new ArgumentException($"{given.Count} seeds given for {runs} runs.", nameof(given));
            foreach (long s in given)
                if (s is < 0 or > MaxSeed) throw new ArgumentException($"Seed {s} is outside 0..{MaxSeed}.", nameof(given));
        }
        var seeds = File.Exists(path) ? Load(path) : [];
        for (int i = 0; i < Math.Min(seeds.Count, runs); i++)
        {
            if (given is not null && given[i] != seeds[i])
                throw new MlperfException(ExitCode.BadInput, $"{path} records seed {seeds[i]} for run {i}, but seed {given[i]} was given; move the file away to start a new set of runs.");
        }
        if (seeds.Count >= runs) return seeds;
        for (int i = seeds.Count; i < runs; i++) seeds.Add(given?[i] ?? Draw());
        Save(path, seeds);
        return seeds;
    }

    /// <summary>A seed in 0..2^32-1 from the operating system's cryptographic generator.</summary>
    public static long Draw() => BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));

    public static List<long> Load(string path)
    {
        object? root;
        try
        {
            root = PythonJson.Parse(File.ReadAllText(path));
        }
        catch (JsonParseException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        if (root is not JsonObject { } obj || obj["seeds"] is not List<object?> list)
            throw new InvalidDataException($"{path}: expected {{\"seeds\": [...]}}.");
        var seeds = new List<long>(list.Count);
        foreach (object? item in list)
            seeds.Add(item is long s and >= 0 and <= MaxSeed ? s : throw new InvalidDataException($"{path}: '{item}' is not a seed in 0..{MaxSeed}."));
        return seeds;
    }

    private static void Save(string path, List<long> seeds)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string text = PythonJson.Serialize(new JsonObject { ["seeds"] = seeds.Cast<object?>().ToList() }) + "\n";
        AtomicFile.Write(path, temp => File.WriteAllText(temp, text), overwrite: true);
    }
}
