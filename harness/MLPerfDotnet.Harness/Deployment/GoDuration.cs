using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// Durations as Go's <c>time.Duration</c> writes and reads them (T9k's <c>WorkflowRun.spec.timeout</c>, e.g. <c>1h0m0s</c>):
/// whole hours, minutes and seconds only, which is all a timeout needs.
/// </summary>
public static partial class GoDuration
{
    [GeneratedRegex(@"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>"8h0m0s" for 8 hours, "1h30m0s", "45m0s", "30s" (Go's <c>Duration.String</c> for whole seconds).</summary>
    public static string Format(TimeSpan value)
    {
        long seconds = (long)value.TotalSeconds;
        if (seconds <= 0 || value.Ticks % TimeSpan.TicksPerSecond != 0) throw new ArgumentOutOfRangeException(nameof(value), value, "a timeout is a positive whole number of seconds");
        var text = new StringBuilder();
        if (seconds >= 3600) text.Append(CultureInfo.InvariantCulture, $"{seconds / 3600}h");
        if (seconds >= 60) text.Append(CultureInfo.InvariantCulture, $"{seconds / 60 % 60}m");
        return text.Append(CultureInfo.InvariantCulture, $"{seconds % 60}s").ToString();
    }

    /// <summary>Reads "8h", "90m", "1h30m", "8h0m0s" or "45s"; false for anything else, and for zero.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = Pattern().Match(text);
        if (text.Length == 0 || !match.Success) return false;
        long Part(int group) => match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups.Values.Skip(1).Any(g => g.Success && g.Value.Length > 7)) return false;
        value = TimeSpan.FromSeconds(Part(1) * 3600 + Part(2) * 60 + Part(3));
        return value > TimeSpan.Zero;
    }
}
