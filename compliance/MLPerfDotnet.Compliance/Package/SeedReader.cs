using System.Globalization;
using System.Text;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Package;

/// <summary>
/// Gathers a <see cref="SeedReading"/> from a log's token lines (strict reading: a line without its four fields is a
/// parsing error, as upstream's seed checker parses). Fed line by line, so it can share another reader's pass.
/// </summary>
public sealed class SeedReader
{
    private readonly List<(string Source, string Line, long Seed)> _seeds = [];
    private readonly StringBuilder _parseErrors = new();
    private string? _problem;

    public static SeedReading ReadFile(string path)
    {
        var reader = new SeedReader();
        foreach (var line in MlLogReader.ReadFile(path)) reader.Accept(line);
        return reader.Finish();
    }

    public void Accept(MlLogTokenLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_problem is not null) return;
        if (!line.TryParseStrict(out var e, out string? error))
        {
            _parseErrors.Append('\n').Append(line.StrictJson).Append("\n  ^^  ").Append(error);
            return;
        }
        if (e!.Key != MlLogKeys.Seed) return;
        long? seed = e.Value switch
        {
            long l => l,
            double d when d == Math.Floor(d) => (long)d,
            string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long p) => p,
            _ => null,
        };
        if (seed is null)
        {
            _problem = $"seed value {e.Value} is not an integer";
            return;
        }
        _seeds.Add((Convert.ToString(e.Metadata["file"], CultureInfo.InvariantCulture) ?? "",
            Convert.ToString(e.Metadata["lineno"], CultureInfo.InvariantCulture) ?? "", seed.Value));
    }

    public SeedReading Finish() => new([.. _seeds], _problem
        ?? (_parseErrors.Length > 0 ? "Found parsing errors:" + _parseErrors + "\n\nLog lines had parsing errors." : null));
}
