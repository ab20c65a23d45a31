using System.Globalization;
using System.Text;

namespace MLPerfDotnet.Unet3d.Data;

/// <summary>
/// The header of a NumPy <c>.npy</c> file (format 1.0), as <c>np.save</c> writes it: magic, version, a
/// little-endian u16 header length, then a Python dict literal padded with spaces and ended by '\n' so that
/// the data starts on a 64-byte boundary (128 bytes for the reference's 4-D arrays).
/// </summary>
public sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape, int DataOffset)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    public int ElementSize => Descr switch
    {
        "<f4" => 4,
        "|u1" or "<u1" or "|b1" => 1,
        "<f8" or "<i8" => 8,
        "<i4" => 4,
        "<i2" or "<u2" => 2,
        _ => throw new NotSupportedException($"npy dtype '{Descr}' is not supported"),
    };

    /// <summary>The header bytes np.save writes for this dtype and shape (C order).</summary>
    public static byte[] Build(string descr, IReadOnlyList<long> shape)
    {
        string shapeText = shape.Count == 1
            ? $"({shape[0].ToString(CultureInfo.InvariantCulture)},)"
            : "(" + string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + ")";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}";
        int total = 10 + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        string text = dict + new string(' ', padded - total) + "\n";
        var bytes = new byte[padded];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1;
        bytes[7] = 0;
        bytes[8] = (byte)(text.Length & 0xff);
        bytes[9] = (byte)(text.Length >> 8);
        Encoding.ASCII.GetBytes(text, 0, text.Length, bytes, 10);
        return bytes;
    }

    /// <summary>Reads and validates the header; errors name the file.</summary>
    public static NpyHeader Read(Stream stream, string path)
    {
        Span<byte> pre = stackalloc byte[10];
        if (stream.ReadAtLeast(pre, 10, throwOnEndOfStream: false) < 10 || !pre[..6].SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a .npy file (bad magic)");
        int major = pre[6];
        int headerLen;
        int prefix;
        if (major == 1)
        {
            headerLen = pre[8] | (pre[9] << 8);
            prefix = 10;
        }
        else if (major is 2 or 3)
        {
            Span<byte> more = stackalloc byte[2];
            if (stream.ReadAtLeast(more, 2, throwOnEndOfStream: false) < 2)
                throw new InvalidDataException($"{path}: truncated .npy header");
            headerLen = pre[8] | (pre[9] << 8) | (more[0] << 16) | (more[1] << 24);
            prefix = 12;
        }
        else throw new InvalidDataException($"{path}: unsupported .npy version {major}.{pre[7]}");
        var buf = new byte[headerLen];
        if (stream.ReadAtLeast(buf, headerLen, throwOnEndOfStream: false) < headerLen)
            throw new InvalidDataException($"{path}: truncated .npy header");
        string text = Encoding.Latin1.GetString(buf);
        string descr = Field(text, "descr", path).Trim().Trim('\'', '"');
        bool fortran = Field(text, "fortran_order", path).Trim() == "True";
        string shapeText = Field(text, "shape", path).Trim().TrimStart('(').TrimEnd(')');
        long[] shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long v) && v >= 0
                ? v
                : throw new InvalidDataException($"{path}: bad shape '{shapeText}' in .npy header"))
            .ToArray();
        var header = new NpyHeader(descr, fortran, shape, prefix + headerLen);
        _ = header.ElementSize;
        if (fortran) throw new InvalidDataException($"{path}: Fortran-order .npy arrays are not supported");
        return header;
    }

    private static string Field(string dict, string name, string path)
    {
        int at = dict.IndexOf("'" + name + "'", StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($"{path}: .npy header has no '{name}'");
        int colon = dict.IndexOf(':', at);
        int end = name == "shape" ? dict.IndexOf(')', colon) + 1 : dict.IndexOf(',', colon);
        if (colon < 0 || end <= colon) throw new InvalidDataException($"{path}: malformed .npy header");
        return dict[(colon + 1)..end];
    }
}
