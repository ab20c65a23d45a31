"""Merge the JSON lines of `mlperf bench gpu` (TorchSharp) and bench/pytorch_gpu_bench.py (PyTorch) into Markdown
tables: one row per training configuration and precision, one per evaluation configuration and precision.
Standard library only.

  python3 bench/table.py --torchsharp out/torchsharp.jsonl --pytorch out/pytorch.jsonl [--out out/table.md]

A missing file or a malformed line is reported on stderr and skipped; a failed or skipped configuration shows
its reason in the cell. When a configuration appears more than once in a file, its last line wins.
"""
import argparse
import json
import os
import sys

PRECISIONS = ["fp32", "bf16", "fp16"]
REFERENCE_FILTERS = [32, 64, 128, 256, 320]


def load(path, side):
    records = []
    if not path:
        return records
    if not os.path.exists(path):
        print(f"{path}: no such file ({side} side left empty)", file=sys.stderr)
        return records
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{path}:{number}: not a JSON line ({e.msg}); skipped", file=sys.stderr)
                continue
            if not isinstance(record, dict) or record.get("kind") not in ("train", "eval"):
                print(f"{path}:{number}: not a benchmark record (no kind train/eval); skipped", file=sys.stderr)
                continue
            records.append(record)
    return records


def model_name(filters):
    return "reference" if list(filters) == REFERENCE_FILTERS else "filters " + ",".join(str(f) for f in filters)


def config_key(record):
    if record["kind"] == "train":
        return (record["kind"], f"{record['batch']}x1x{record['size']}³, {model_name(record['filters'])}")
    shape = "x".join(str(s) for s in record["shape"])
    return (record["kind"], f"{shape}, roi {record['roi']}³, {record['windows_per_volume']} windows, "
                            f"batch {record['window_batch']}, {model_name(record['filters'])}")


def is_result(record):
    return "error" not in record and "skipped" not in record and "median_ms" in record


def index(records):
    """(kind, config, precision) -> last result; (kind, precision) -> last failure or skip."""
    results, problems = {}, {}
    for r in records:
        precision = r.get("precision", "?")
        if is_result(r):
            kind, config = config_key(r)
            results[(kind, config, precision)] = r
        else:
            problems[(r["kind"], precision)] = r
    return results, problems


def fmt(value, digits):
    return "n/a" if value is None else f"{value:.{digits}f}"


def short(text, limit=80):
    text = " ".join(str(text).split()).replace("|", "/")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def problem_cell(problem):
    if problem is None:
        return "—"
    if "skipped" in problem:
        return "skipped: " + short(problem["skipped"])
    return "FAILED: " + short(problem.get("error", "no result"))


def memory_cell(record):
    used = fmt(record.get("peak_used_mib"), 0)
    reserved = record.get("peak_reserved_mib")
    return used if reserved is None else f"{used} ({fmt(reserved, 0)})"


def ratio(numerator, denominator):
    return f"{numerator / denominator:.2f}x" if numerator and denominator else "—"


def rows(kind, ts, pt):
    ts_results, ts_problems = ts
    pt_results, pt_problems = pt
    configs = []
    for key in list(ts_results) + list(pt_results):
        if key[0] == kind and key[1] not in configs:
            configs.append(key[1])
    precisions = sorted({k[2] for k in list(ts_results) + list(pt_results) if k[0] == kind}
                        | {k[1] for k in list(ts_problems) + list(pt_problems) if k[0] == kind},
                        key=lambda p: (PRECISIONS.index(p) if p in PRECISIONS else len(PRECISIONS), p))
    out = []
    for precision in precisions:
        matched = [c for c in configs if (kind, c, precision) in ts_results or (kind, c, precision) in pt_results]
        for config in matched or ["—"]:
            a = ts_results.get((kind, config, precision))
            b = pt_results.get((kind, config, precision))
            out.append((config, precision, a, b, ts_problems.get((kind, precision)), pt_problems.get((kind, precision))))
    return out


def train_table(ts, pt):
    lines = ["| config | precision | TorchSharp ms/step | PyTorch ms/step | TorchSharp samples/s | PyTorch samples/s | "
             "TorchSharp TFLOP/s | PyTorch TFLOP/s | TorchSharp peak MiB | PyTorch peak MiB (reserved) | "
             "first step ms (TS / PT) | TorchSharp/PyTorch throughput |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for config, precision, a, b, pa, pb in rows("train", ts, pt):
        cells = [config, precision]
        cells += [fmt(a["median_ms"], 1) if a else problem_cell(pa), fmt(b["median_ms"], 1) if b else problem_cell(pb)]
        cells += [fmt(a["samples_per_s"], 2) if a else "—", fmt(b["samples_per_s"], 2) if b else "—"]
        cells += [fmt(a.get("tflops"), 1) if a else "—", fmt(b.get("tflops"), 1) if b else "—"]
        cells += [memory_cell(a) if a else "—", memory_cell(b) if b else "—"]
        cells += [f"{fmt(a['first_step_ms'], 0) if a else '—'} / {fmt(b['first_step_ms'], 0) if b else '—'}"]
        cells += [ratio(a and a["samples_per_s"], b and b["samples_per_s"])]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def eval_table(ts, pt):
    lines = ["| volume | precision | TorchSharp ms/volume | PyTorch ms/volume | TorchSharp windows/s | PyTorch windows/s | "
             "TorchSharp peak MiB | PyTorch peak MiB (reserved) | TorchSharp/PyTorch throughput |",
             "|---|---|---|---|---|---|---|---|---|"]
    for config, precision, a, b, pa, pb in rows("eval", ts, pt):
        cells = [config, precision]
        cells += [fmt(a["median_ms"], 1) if a else problem_cell(pa), fmt(b["median_ms"], 1) if b else problem_cell(pb)]
        cells += [fmt(a["windows_per_s"], 1) if a else "—", fmt(b["windows_per_s"], 1) if b else "—"]
        cells += [memory_cell(a) if a else "—", memory_cell(b) if b else "—"]
        cells += [ratio(b and b["median_ms"], a and a["median_ms"])]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def environment(records):
    for r in records:
        if r.get("torch_version"):
            return f"PyTorch side: torch {r['torch_version']} on {r.get('device_name') or r.get('device')}"
    return None


def render(ts_records, pt_records):
    ts, pt = index(ts_records), index(pt_records)
    out = ["## Training step (forward + DiceCE + backward + Nesterov SGD), median of the timed steps", ""]
    out += train_table(ts, pt)
    out += ["", "## Sliding-window evaluation (one synthetic volume), median of the timed volumes", ""]
    out += eval_table(ts, pt)
    out += ["",
            "TFLOP/s: 2.864 TFLOP per 128³ training sample of the reference model, scaled by (S/128)³ (n/a for other filters).",
            "Peak MiB: device used (cudaMemGetInfo total-free, sampled after each step or volume; includes the CUDA "
            "context) on both sides; in parentheses PyTorch's torch.cuda.max_memory_reserved. n/a on CPU.",
            "Throughput ratio: TorchSharp samples/s (or volumes/s) over PyTorch's; above 1.00x TorchSharp is faster."]
    env = environment(pt_records)
    if env:
        out.append(env)
    return "\n".join(out) + "\n"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--torchsharp", help="JSON lines of mlperf bench gpu")
    p.add_argument("--pytorch", help="JSON lines of bench/pytorch_gpu_bench.py")
    p.add_argument("--out", help="also write the Markdown here")
    args = p.parse_args(argv)
    text = render(load(args.torchsharp, "TorchSharp"), load(args.pytorch, "PyTorch"))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
