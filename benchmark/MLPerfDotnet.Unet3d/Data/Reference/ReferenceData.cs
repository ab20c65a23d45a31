using System.Text.Json;

namespace MLPerfDotnet.Unet3d.Data.Reference;

/// <summary>
/// The reference's data files, shipped next to the assembly (Data/Reference/): <c>checksum.json</c>, the 420 md5s
/// of the preprocessed <c>case_XXXXX_{x,y}.npy</c> files, and <c>evaluation_cases.json</c>, the 42 evaluation
/// case ids ("00000" ...). Both come from mlcommons/training (retired_benchmarks/unet3d/pytorch).
/// </summary>
public static class ReferenceData
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyChecksums = new(() => LoadChecksums(ChecksumsPath));
    private static readonly Lazy<IReadOnlySet<string>> LazyEvalIds = new(LoadEvaluationIds);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "Reference");

    public static string ChecksumsPath => Path.Combine(Folder, "checksum.json");

    public static string EvaluationCasesPath => Path.Combine(Folder, "evaluation_cases.json");

    /// <summary>File name (e.g. <c>case_00000_y.npy</c>) to md5 hex.</summary>
    public static IReadOnlyDictionary<string, string> Checksums => LazyChecksums.Value;

    /// <summary>The 42 evaluation case ids, as five-digit strings.</summary>
    public static IReadOnlySet<string> EvaluationCaseIds => LazyEvalIds.Value;

    /// <summary>Reads a checksum list: one JSON object of file name to md5 hex.</summary>
    public static IReadOnlyDictionary<string, string> LoadChecksums(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: checksum list not found", path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: expected a JSON object of file name to md5");
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                string md5 = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : "";
                if (md5.Length != 32 || !md5.All(Uri.IsHexDigit))
                    throw new InvalidDataException($"{path}: entry '{p.Name}' is not an md5 hex string");
                map[p.Name] = md5.ToLowerInvariant();
            }
            return map;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: invalid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    private static IReadOnlySet<string> LoadEvaluationIds()
    {
        string path = EvaluationCasesPath;
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: evaluation case list not found", path);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("evaluation_case_ids").EnumerateArray()
            .Select(e => e.GetString() ?? throw new InvalidDataException($"{path}: null case id"))
            .ToHashSet(StringComparer.Ordinal);
    }
}
