using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>
/// The reference's <c>verify_dataset</c>: the md5 of every listed file in the data folder must equal its entry.
/// Files are hashed in parallel, streamed (bounded memory). Unlike the reference, which asserts, it reports
/// every mismatch, every missing file and every .npy file the list does not name.
/// </summary>
public static class ChecksumVerifier
{
    public static VerifySummary Verify(
        string dataDir, IReadOnlyDictionary<string, string> checksums, int workers = 0, Action<string>? log = null)
    {
        log ??= _ => { };
        if (!Directory.Exists(dataDir)) throw new DirectoryNotFoundException($"{dataDir}: data folder does not exist");
        var mismatched = new ConcurrentBag<string>();
        var missing = new ConcurrentBag<string>();
        int matched = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = workers > 0 ? workers : Math.Clamp(Environment.ProcessorCount, 1, 4),
        };
        Parallel.ForEach(checksums.OrderBy(p => p.Key, StringComparer.Ordinal), parallel, entry =>
        {
            string path = Path.Combine(dataDir, entry.Key);
            if (!File.Exists(path))
            {
                missing.Add(entry.Key);
                return;
            }
            string md5 = Md5(path);
            if (md5 == entry.Value) Interlocked.Increment(ref matched);
            else
            {
                mismatched.Add(entry.Key);
                log($"{path}: md5 {md5}, expected {entry.Value}");
            }
        });
        var unexpected = Directory.GetFiles(dataDir, "*.npy").Select(Path.GetFileName)
            .Where(n => n is not null && !checksums.ContainsKey(n)).Select(n => n!).Order(StringComparer.Ordinal).ToList();
        var summary = new VerifySummary(
            matched,
            [.. mismatched.Order(StringComparer.Ordinal)],
            [.. missing.Order(StringComparer.Ordinal)],
            unexpected);
        foreach (string line in summary.Describe()) log(line);
        return summary;
    }

    public static string Md5(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(MD5.HashData(stream));
    }
}
