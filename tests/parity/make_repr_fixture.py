"""Writes CPython's repr() of JSON values for PythonReprTests (run: python3 tests/parity/make_repr_fixture.py).

Each case holds a JSON text and repr(json.loads(text)) as this CPython prints it; the C# PythonRepr must agree.
Characters are chosen from Unicode blocks whose categories are stable across Unicode versions.
"""
import json
import os
import sys

STRINGS = [
    "", "plain ascii", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "new\nline", "cr\rhere",
    "".join(chr(c) for c in range(0x00, 0x20)), "del\x7f", "".join(chr(c) for c in range(0x80, 0xa1)),
    "soft\xadhyphen", "latin \xe9\xff\xd7", "umlaut \xfc", "han \u4e2d\u6587", "line sep\u2028", "para sep\u2029",
    "zero width\u200b", "ideographic space\u3000", "private\ue000", "replacement\ufffd", "nonchar\uffff",
    "emoji \U0001f600", "tag \U000e0001", "plane 16 \U0010fffd", "lone \ud800 high", "lone \udfff low",
    "greek \u03a9", "arrows \u2192", "bom \ufeff",
]
VALUES = [None, True, False, 0, -7, 1.5, 0.1, 1e16, 1e-07, 123456789.0, [], {}, ["a", "b'c"],
          {"k": [1, 2.0, None], "it's": {"x": True}}, STRINGS[:5]]


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "MLPerfDotnet.Harness.Tests", "Json", "python_repr_cases.json")
    cases = []
    for value in STRINGS + VALUES:
        text = json.dumps(value, ensure_ascii=True)
        cases.append({"json": text, "repr": repr(json.loads(text))})
    with open(out, "w", encoding="ascii") as f:
        json.dump({"python": sys.version.split()[0], "cases": cases}, f, ensure_ascii=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
