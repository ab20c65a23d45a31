using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MLPerfDotnet.Harness.Files;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// <c>numerics.json</c>: the self-check decision of a campaign, beside its seeds.json (run_logs/ORG/SYSTEM/BENCH/), so
/// that a submitter sees later which oneDNN setting the times were made with (it changes the speed).
/// </summary>
public static class NumericsRecord
{
    public const string FileName = "numerics.json";

    /// <summary>How the self-check's reports are written as JSON (numerics.json, `mlperf doctor --json`): snake_case, ∞ as "Infinity".</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(NumericsDecision decision) => JsonSerializer.Serialize(decision, Options);

    public static void Write(string path, NumericsDecision decision)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, temporary => File.WriteAllText(temporary, ToJson(decision) + "\n"));
    }
}
