"""Upstream verdicts for edited historic unet3d logs under rule editions 1.0.0-2.1.0.

Run from a checkout of mlcommons/logging at 7bbf792 (PYTHONPATH=<checkout>) with PyYAML:
    python3 tests/parity/make_edition_fixtures.py ../shared/data/mlperf-logs-historic \
        > tests/MLPerfDotnet.Compliance.Tests/Fixtures/edition_edits.json
Each case names a log of ../shared/data/mlperf-logs-historic and text-level edits (no JSON re-serialisation),
so the C# test (EditionEditTests) applies exactly the same bytes.
"""
import json
import logging
import os
import sys
import tempfile

from mlperf_logging.compliance_checker import mlp_compliance

V21 = "v2.1/NVIDIA/results/dgxa100_ngc22.04_mxnet/unet3d/result_00.txt"
V10 = "v1.0/NVIDIA/results/dgxa100_ngc21.05_mxnet/unet3d/result_0.txt"
CASES = {
    "v21_as_is": (V21, []),
    "v10_as_is": (V10, []),
    "v21_missing_up4_deconv": (V21, [{"drop_line_containing": '"tensor": "up4_deconv"'}]),
    "v21_duplicate_up0_deconv": (V21, [{"duplicate_line_containing": '"tensor": "up0_deconv"'}]),
    "v21_output_conv_without_tensor_field": (V21, [{"replace_first": [', "tensor": "output_conv"', ""]}]),
    "v21_output_conv_tensor_is_a_number": (V21, [{"replace_first": ['"tensor": "output_conv"', '"tensor": 5']}]),
    "v21_division_after_init_stop": (V21, [{"move_line_after": ['"key": "submission_division"', '"key": "init_stop"']}]),
    "v10_init_31_minutes": (V10, [{"replace_first": ['"time_ms": 1620676287091, "event_type": "INTERVAL_START", "key": "init_start"',
                                                     '"time_ms": 1620674460788, "event_type": "INTERVAL_START", "key": "init_start"']}]),
}
RULESETS = ["1.0.0", "1.1.0", "2.0.0", "2.1.0"]


def apply(lines, edit):
    (op, arg), = edit.items()
    if op == "drop_line_containing":
        i = next(i for i, l in enumerate(lines) if arg in l)
        return lines[:i] + lines[i + 1:]
    if op == "duplicate_line_containing":
        i = next(i for i, l in enumerate(lines) if arg in l)
        return lines[:i + 1] + [lines[i]] + lines[i + 1:]
    if op == "replace_first":
        i = next(i for i, l in enumerate(lines) if arg[0] in l)
        return lines[:i] + [lines[i].replace(arg[0], arg[1], 1)] + lines[i + 1:]
    if op == "move_line_after":
        i = next(i for i, l in enumerate(lines) if arg[0] in l)
        moved, rest = lines[i], lines[:i] + lines[i + 1:]
        j = next(j for j, l in enumerate(rest) if arg[1] in l)
        return rest[:j + 1] + [moved] + rest[j + 1:]
    raise ValueError(op)


def main(root):
    logging.disable(logging.CRITICAL)
    out = {"what": __doc__.strip().splitlines()[0], "cases": {}}
    for name, (path, edits) in CASES.items():
        with open(os.path.join(root, path), encoding="latin-1", newline="") as f:
            lines = f.read().split("\n")
        for e in edits:
            lines = apply(lines, e)
        with tempfile.NamedTemporaryFile("w", encoding="latin-1", newline="", suffix=".txt", delete=False) as f:
            f.write("\n".join(lines))
        verdicts = {}
        for ruleset in RULESETS:
            checker = mlp_compliance.make_checker("training", ruleset, True, False)
            ok = checker.check_file(f.name, f"training_{ruleset}/common.yaml")
            verdicts[ruleset] = {"pass": bool(ok),
                                 "errors": list(checker.overwritable.values()) + list(checker.not_overwritable),
                                 "warnings": list(checker.warnings.values())}
        os.unlink(f.name)
        out["cases"][name] = {"log": path, "edits": edits, "verdicts": verdicts}
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
