using System.Runtime.InteropServices;
using System.Text.Json;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Support;

/// <summary>
/// Reads the safetensors files written by tests/parity/make_fixtures.py: an 8-byte little-endian header
/// length, a JSON header (name → dtype, shape, data_offsets; optional <c>__metadata__</c> of strings), then
/// the raw little-endian tensor bytes. Supports F32, F64, U8, I32 and I64.
/// </summary>
public sealed class SafeTensors : IDisposable
{
    private readonly Dictionary<string, Tensor> _tensors;

    private SafeTensors(Dictionary<string, Tensor> tensors, Dictionary<string, string> metadata)
    {
        _tensors = tensors;
        Metadata = metadata;
    }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public IReadOnlyDictionary<string, Tensor> Tensors => _tensors;

    public Tensor this[string name] => _tensors.TryGetValue(name, out var t)
        ? t
        : throw new KeyNotFoundException($"Tensor '{name}' is not in the safetensors file");

    /// <summary>Loads a fixture from Fixtures/parity next to the test assembly.</summary>
    public static SafeTensors LoadFixture(string fileName)
        => Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "parity", fileName));

    public static SafeTensors Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: shorter than the 8-byte header length");
        ulong headerLength = BitConverter.ToUInt64(bytes, 0);
        if (headerLength > (ulong)(bytes.Length - 8))
            throw new InvalidDataException($"{path}: header length {headerLength} runs past the end of the file");
        int bodyStart = 8 + (int)headerLength;
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__")
            {
                foreach (var m in entry.Value.EnumerateObject()) metadata[m.Name] = m.Value.GetString() ?? "";
                continue;
            }
            long[] shape = entry.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || bodyStart + offsets[1] > bytes.Length)
                throw new InvalidDataException($"{path}: tensor '{entry.Name}' has data_offsets outside the file");
            var data = bytes.AsSpan(bodyStart + (int)offsets[0], (int)(offsets[1] - offsets[0]));
            tensors[entry.Name] = Create(path, entry.Name, entry.Value.GetProperty("dtype").GetString(), data, shape);
        }
        return new SafeTensors(tensors, metadata);
    }

    private static Tensor Create(string path, string name, string? dtype, ReadOnlySpan<byte> data, long[] shape)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        int size = dtype switch { "F32" or "I32" => 4, "F64" or "I64" => 8, "U8" => 1, _ => 0 };
        if (size == 0) throw new InvalidDataException($"{path}: tensor '{name}' has unsupported dtype '{dtype}'");
        if (data.Length != count * size)
            throw new InvalidDataException($"{path}: tensor '{name}' holds {data.Length} bytes, shape needs {count * size}");
        return dtype switch
        {
            "F32" => tensor(MemoryMarshal.Cast<byte, float>(data).ToArray(), shape),
            "F64" => tensor(MemoryMarshal.Cast<byte, double>(data).ToArray(), shape),
            "I32" => tensor(MemoryMarshal.Cast<byte, int>(data).ToArray(), shape),
            "I64" => tensor(MemoryMarshal.Cast<byte, long>(data).ToArray(), shape),
            _ => tensor(data.ToArray(), shape),
        };
    }

    public void Dispose()
    {
        foreach (var t in _tensors.Values) t.Dispose();
        _tensors.Clear();
    }
}
