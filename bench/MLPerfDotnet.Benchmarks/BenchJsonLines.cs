using System.Text.Encodings.Web;
using System.Text.Json;

namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// Benchmark records as JSON lines with snake_case keys (the schema bench/table.py reads), appended one line at a
/// time and flushed, so a crash or timeout in a later configuration keeps the earlier lines.
/// </summary>
public static class BenchJsonLines
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T record) => JsonSerializer.Serialize(record, Options);

    public static void Append<T>(string path, T record)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream);
        writer.Write(Serialize(record) + "\n");
    }
}
