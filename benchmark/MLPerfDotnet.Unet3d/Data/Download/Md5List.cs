using System.Globalization;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>
/// Reads expected md5s keyed by relative name (<c>case_00000/imaging.nii.gz</c>), either as <c>md5sum</c> output
/// (<c>HASH  NAME</c>, run in the destination folder) or as a JSON object <c>{"NAME": "HASH"}</c>.
/// </summary>
public static class Md5List
{
    public static IReadOnlyDictionary<string, string> Load(string path) => Parse(File.ReadAllText(path), path);

    public static IReadOnlyDictionary<string, string> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.TrimStart().StartsWith('{'))
        {
            object? root;
            try { root = PythonJson.Parse(text); }
            catch (JsonParseException e) { throw new FormatException($"{source}: {e.Message}", e); }
            if (root is not JsonObject obj) throw new FormatException($"{source}: expected a JSON object of name to md5.");
            foreach (var (name, value) in obj)
                map[Normalize(name)] = Hash(value as string, source, name);
            return map;
        }
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int space = line.IndexOfAny([' ', '\t']);
            if (space < 0) throw new FormatException($"{source}:{i + 1}: expected 'MD5  NAME', got '{line}'.");
            string name = line[(space + 1)..].TrimStart(' ', '\t', '*');
            map[Normalize(name)] = Hash(line[..space], source, $"line {i + 1}");
        }
        return map;
    }

    private static string Hash(string? value, string source, string where)
    {
        if (value is null || value.Length != 32 || !value.All(char.IsAsciiHexDigit))
            throw new FormatException($"{source}: {where}: '{value}' is not an md5 (32 hex digits).");
        return value.ToLower(CultureInfo.InvariantCulture);
    }

    private static string Normalize(string name) => name.Replace('\\', '/').TrimStart('.', '/');
}
