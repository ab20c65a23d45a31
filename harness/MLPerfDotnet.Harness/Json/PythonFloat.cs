using System.Globalization;

namespace MLPerfDotnet.Harness.Json;

/// <summary>
/// Formats a double exactly as Python's <c>repr(float)</c> (and so <c>json.dumps</c>) does: the shortest
/// digits that read back to the same double, fixed notation for decimal exponents -4..15 with at least one
/// fractional digit ("1.0"), otherwise "1e-05" / "1.5e+16" style.
/// </summary>
public static class PythonFloat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";

        // "E16" is not shortest; "R" is shortest round-trip on .NET Core 3.0+. Extract digits and exponent.
        string r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int exponentAt = r.IndexOfAny(['E', 'e']);
        string mantissa = exponentAt >= 0 ? r[..exponentAt] : r;
        int exp = exponentAt >= 0 ? int.Parse(r[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        int point = mantissa.IndexOf('.');
        string intPart = point >= 0 ? mantissa[..point] : mantissa;
        string fracPart = point >= 0 ? mantissa[(point + 1)..] : "";
        string digits = (intPart + fracPart).TrimStart('0');
        int leadingZeros = (intPart + fracPart).Length - (intPart + fracPart).TrimStart('0').Length;
        // Decimal exponent of the first significant digit.
        int sciExp = intPart.Length - 1 - leadingZeros + exp;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";

        string sign = value < 0 ? "-" : "";
        if (sciExp >= -4 && sciExp < 16)
        {
            string text;
            if (sciExp >= 0)
            {
                string whole = digits.Length > sciExp + 1 ? digits[..(sciExp + 1)] : digits.PadRight(sciExp + 1, '0');
                string frac = digits.Length > sciExp + 1 ? digits[(sciExp + 1)..] : "0";
                text = whole + "." + frac;
            }
            else
            {
                text = "0." + new string('0', -sciExp - 1) + digits;
            }
            return sign + text;
        }
        string m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
        string e = (sciExp < 0 ? "-" : "+") + Math.Abs(sciExp).ToString("00", CultureInfo.InvariantCulture);
        return sign + m + "e" + e;
    }
}
