"""Print the evaluation trajectory of an MLLOG file: seconds since run_start, epoch, eval_accuracy, and run_stop.

  python3 bench/mllog_trajectory.py result.mllog [samples_per_epoch]

epoch_num counts samples when the run's epoch units are samples (the harness default); pass the training-set size
(168 for cpu-embedded) to see it in epochs too. Lines that are not MLLOG or not JSON are skipped.
"""
import json
import sys


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    per_epoch = int(argv[2]) if len(argv) > 2 else 0
    start = None
    try:
        lines = open(argv[1], encoding="utf-8").readlines()
    except OSError as e:
        print(f"{argv[1]}: {e.strerror}", file=sys.stderr)
        return 1
    for line in lines:
        if ":::MLLOG" not in line:
            continue
        try:
            event = json.loads(line.split(":::MLLOG", 1)[1])
        except json.JSONDecodeError:
            continue
        key, meta = event.get("key"), event.get("metadata") or {}
        if key == "run_start":
            start = event["time_ms"]
        if key not in ("eval_accuracy", "run_stop"):
            continue
        seconds = (event["time_ms"] - start) / 1000.0 if start is not None else float("nan")
        epoch = meta.get("epoch_num")
        where = f"epoch_num {epoch}" + (f" (epoch {epoch / per_epoch:g})" if per_epoch and epoch is not None else "")
        value = event["value"] if key == "eval_accuracy" else meta.get("status")
        print(f"{seconds:8.1f} s  {key:13}  {where if key == 'eval_accuracy' else '':30}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
