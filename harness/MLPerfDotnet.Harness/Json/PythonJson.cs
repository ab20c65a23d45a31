using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace MLPerfDotnet.Harness.Json;

/// <summary>
/// JSON as Python's <c>json</c> module writes and reads it: <c>", "</c> and <c>": "</c> separators,
/// non-ASCII escaped as <c>\uXXXX</c>, floats as <c>repr</c>, NaN/Infinity literals accepted.
/// Values map to: null, bool, long, double, string, <see cref="List{T}"/> of values, <see cref="JsonObject"/>.
/// </summary>
public static class PythonJson
{
    public static string Serialize(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case string s: WriteString(sb, s); break;
            case double d: sb.Append(PythonFloat.Format(d)); break;
            case float f: sb.Append(PythonFloat.Format(f)); break;
            case decimal m: sb.Append(PythonFloat.Format((double)m)); break;
            case int or long or short or byte or sbyte or uint or ulong or ushort:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case Enum e: WriteString(sb, e.ToString()); break;
            case IEnumerable<KeyValuePair<string, object?>> members: WriteObject(sb, members); break;
            case IDictionary dict:
                WriteObject(sb, dict.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(Convert.ToString(k, CultureInfo.InvariantCulture)!, dict[k])));
                break;
            case IEnumerable items:
                sb.Append('[');
                bool first = true;
                foreach (object? item in items)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    Write(sb, item);
                }
                sb.Append(']');
                break;
            default:
                throw new ArgumentException($"Cannot serialise a {value.GetType().Name} as JSON", nameof(value));
        }
    }

    private static void WriteObject(StringBuilder sb, IEnumerable<KeyValuePair<string, object?>> members)
    {
        sb.Append('{');
        bool first = true;
        foreach (var (name, member) in members)
        {
            if (!first) sb.Append(", ");
            first = false;
            WriteString(sb, name);
            sb.Append(": ");
            Write(sb, member);
        }
        sb.Append('}');
    }

    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || c > '~') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Parses one JSON document; throws <see cref="JsonParseException"/> with the offset of the problem.</summary>
    public static object? Parse(string text)
    {
        var reader = new Reader(text);
        reader.SkipWhitespace();
        object? value = reader.ReadValue();
        reader.SkipWhitespace();
        if (!reader.AtEnd) throw new JsonParseException("Extra data", reader.Position);
        return value;
    }

    private sealed class Reader(string text)
    {
        private int _pos;

        public int Position => _pos;

        public bool AtEnd => _pos >= text.Length;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void SkipWhitespace()
        {
            while (_pos < text.Length && text[_pos] is ' ' or '\t' or '\n' or '\r') _pos++;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public object? ReadValue()
        {
            if (AtEnd) throw new JsonParseException("Expecting value", _pos);
            char c = text[_pos];
            switch (c)
            {
                case '{': return ReadObject();
                case '[': return ReadArray();
                case '"': return ReadString();
                case 't' when Matches("true"): _pos += 4; return true;
                case 'f' when Matches("false"): _pos += 5; return false;
                case 'n' when Matches("null"): _pos += 4; return null;
                case 'N' when Matches("NaN"): _pos += 3; return double.NaN;
                case 'I' when Matches("Infinity"): _pos += 8; return double.PositiveInfinity;
                case '-' when Matches("-Infinity"): _pos += 9; return double.NegativeInfinity;
                default:
                    if (c == '-' || char.IsAsciiDigit(c)) return ReadNumber();
                    throw new JsonParseException("Expecting value", _pos);
            }
        }

        private bool Matches(string literal) => string.CompareOrdinal(text, _pos, literal, 0, literal.Length) == 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private JsonObject ReadObject()
        {
            var obj = new JsonObject();
            _pos++;
            SkipWhitespace();
            if (!AtEnd && text[_pos] == '}') { _pos++; return obj; }
            while (true)
            {
                SkipWhitespace();
                if (AtEnd || text[_pos] != '"')
                    throw new JsonParseException("Expecting property name enclosed in double quotes", _pos);
                string name = ReadString();
                SkipWhitespace();
                if (AtEnd || text[_pos] != ':') throw new JsonParseException("Expecting ':' delimiter", _pos);
                _pos++;
                SkipWhitespace();
                obj[name] = ReadValue();
                SkipWhitespace();
                if (AtEnd) throw new JsonParseException("Expecting ',' delimiter", _pos);
                if (text[_pos] == ',') { _pos++; continue; }
                if (text[_pos] == '}') { _pos++; return obj; }
                throw new JsonParseException("Expecting ',' delimiter", _pos);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private List<object?> ReadArray()
        {
            var list = new List<object?>();
            _pos++;
            SkipWhitespace();
            if (!AtEnd && text[_pos] == ']') { _pos++; return list; }
            while (true)
            {
                SkipWhitespace();
                list.Add(ReadValue());
                SkipWhitespace();
                if (AtEnd) throw new JsonParseException("Expecting ',' delimiter", _pos);
                if (text[_pos] == ',') { _pos++; continue; }
                if (text[_pos] == ']') { _pos++; return list; }
                throw new JsonParseException("Expecting ',' delimiter", _pos);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private string ReadString()
        {
            int start = _pos;
            _pos++;
            // Fast path: the closing quote comes before any escape or control character.
            var rest = text.AsSpan(_pos);
            int stop = rest.IndexOfAny('"', '\\');
            if (stop >= 0 && rest[stop] == '"' && rest[..stop].IndexOfAnyInRange('\0', '\x1f') < 0)
            {
                string plain = text.Substring(_pos, stop);
                _pos += stop + 1;
                return plain;
            }
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd) throw new JsonParseException("Unterminated string starting at", start);
                char c = text[_pos++];
                if (c == '"') return sb.ToString();
                if (c < ' ') throw new JsonParseException("Invalid control character at", _pos - 1);
                if (c != '\\') { sb.Append(c); continue; }
                if (AtEnd) throw new JsonParseException("Unterminated string starting at", start);
                char e = text[_pos++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > text.Length || !int.TryParse(text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                            throw new JsonParseException("Invalid \\uXXXX escape", _pos - 1);
                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default: throw new JsonParseException("Invalid \\escape", _pos - 2);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private object ReadNumber()
        {
            int start = _pos;
            if (text[_pos] == '-') _pos++;
            if (AtEnd || !char.IsAsciiDigit(text[_pos])) throw new JsonParseException("Expecting value", start);
            if (text[_pos] == '0') _pos++;
            else while (!AtEnd && char.IsAsciiDigit(text[_pos])) _pos++;
            bool isFloat = false;
            if (!AtEnd && text[_pos] == '.' && _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1]))
            {
                isFloat = true;
                _pos++;
                while (!AtEnd && char.IsAsciiDigit(text[_pos])) _pos++;
            }
            if (!AtEnd && text[_pos] is 'e' or 'E')
            {
                int save = _pos;
                _pos++;
                if (!AtEnd && text[_pos] is '+' or '-') _pos++;
                if (!AtEnd && char.IsAsciiDigit(text[_pos]))
                {
                    isFloat = true;
                    while (!AtEnd && char.IsAsciiDigit(text[_pos])) _pos++;
                }
                else _pos = save;
            }
            var span = text.AsSpan(start, _pos - start);
            if (!isFloat && long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return l;
            return double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }
}
