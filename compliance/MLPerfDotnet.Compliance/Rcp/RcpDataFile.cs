using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>Reads RCP JSON files (<c>rcp/training_&lt;ruleset&gt;/rcps_&lt;benchmark&gt;.json</c>, upstream format).</summary>
public static class RcpDataFile
{
    /// <summary>The shipped RCP folder next to the assembly.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "rcp");

    public static string PathFor(string ruleset, string benchmark, string? directory = null) =>
        Path.Combine(directory ?? DefaultDirectory, $"training_{ruleset}", $"rcps_{benchmark}.json");

    /// <summary>Loads a file; throws <see cref="InvalidDataException"/> naming the file and the record on bad content.</summary>
    public static IReadOnlyList<RcpRawRecord> Load(string path)
    {
        object? root;
        try
        {
            root = PythonJson.Parse(File.ReadAllText(path));
        }
        catch (JsonParseException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
        if (root is not JsonObject records) throw new InvalidDataException($"{path}: the top level is not a JSON object");
        var result = new List<RcpRawRecord>();
        foreach (var (name, value) in records)
        {
            if (value is not JsonObject record) throw new InvalidDataException($"{path}: record '{name}' is not an object");
            string benchmark = record["Benchmark"] as string ?? throw new InvalidDataException($"{path}: record '{name}' has no Benchmark");
            double bs = ToDouble(record["BS"]) ?? throw new InvalidDataException($"{path}: record '{name}' has no numeric BS");
            object? runs = record.ContainsKey("samples to converge") ? record["samples to converge"] : record["Epochs to converge"];
            if (runs is not List<object?> list) throw new InvalidDataException($"{path}: record '{name}' has no 'Epochs to converge' list");
            var epochs = new List<double>(list.Count);
            foreach (object? item in list)
                epochs.Add(ToDouble(item) ?? throw new InvalidDataException($"{path}: record '{name}' has a non-numeric run value"));
            var hyperparameters = record["Hyperparams"] switch
            {
                JsonObject given => given,
                null => new JsonObject(),
                _ => throw new InvalidDataException($"{path}: record '{name}' has Hyperparams that are not an object"),
            };
            result.Add(new RcpRawRecord(name, benchmark, bs, epochs) { Hyperparameters = hyperparameters });
        }
        return result;
    }

    internal static double? ToDouble(object? value) => value switch
    {
        long l => l,
        double d => d,
        _ => null,
    };
}
