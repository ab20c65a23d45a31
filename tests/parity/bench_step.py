"""PyTorch training-step time of the reference U-Net structure on CPU (a benchmark, not a test).

One step = zero_grad + forward + DiceCE loss + backward + Nesterov SGD step (momentum 0.9), batch 1, fp32.
Reports the median (and min/max) of --steps timed steps after --warmup steps, per model and thread count.

  /usr/bin/python3 tests/parity/bench_step.py [--steps 5] [--warmup 2] [--threads 1 2]
"""
import argparse
import os
import platform
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_unet3d as ref  # noqa: E402

CASES = [("full [32,64,128,256,320]", ref.REFERENCE_FILTERS, 64),
         ("small [8,16,32,64]", [8, 16, 32, 64], 32)]


def time_steps(filters, size, steps, warmup):
    torch.manual_seed(0)
    model = ref.Unet3D(1, 3, filters=filters)
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9, nesterov=True)
    image = torch.randn(1, 1, size, size, size)
    label = torch.randint(0, 3, (1, 1, size, size, size), dtype=torch.uint8)
    times = []
    for i in range(warmup + steps):
        start = time.perf_counter()
        optimizer.zero_grad()
        loss = ref.dice_ce_loss(model(image), label)
        loss.backward()
        optimizer.step()
        elapsed = time.perf_counter() - start
        if i >= warmup:
            times.append(elapsed)
    return times


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    print(f"torch {torch.__version__}, CPU {cpu_model()}, {os.cpu_count()} logical CPUs, "
          f"{args.warmup} warm-up + {args.steps} timed steps")
    print("| model | input | threads | median s/step | min | max |")
    print("|---|---|---|---|---|---|")
    for name, filters, size in CASES:
        for threads in args.threads:
            torch.set_num_threads(threads)
            times = time_steps(filters, size, args.steps, args.warmup)
            print(f"| {name} | 1x1x{size}^3 | {threads} | {statistics.median(times):.3f} | "
                  f"{min(times):.3f} | {max(times):.3f} |", flush=True)


if __name__ == "__main__":
    main()
