using System.Globalization;

namespace MLPerfDotnet.MpiProbe;

/// <summary>Result lines the tests parse: "RESULT key=value", printed by rank 0 only.</summary>
public static class Report
{
    public static void Result(int rank, string key, object value)
    {
        if (rank != 0) return;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {key}={value}"));
        Console.Out.Flush();
    }
}
