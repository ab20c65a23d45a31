"""PyTorch peer of `mlperf bench gpu`: the same training step and sliding-window evaluation, same shapes and seed,
same JSON-lines schema (see docs/gpu.md), so bench/table.py can put the two side by side.

Training step: forward under autocast (fp32: none, TF32 convolutions and matmuls on CUDA; bf16; fp16 with
torch.amp.GradScaler), DiceCE loss in fp32 (tests/parity/reference_unet3d.py), backward, Nesterov SGD
(momentum 0.9), zero_grad; device synchronised around each step; median of the steps after the warm-up.
Evaluation: the reference sliding-window inference, batched like the C# SlidingWindowInference (windows in
D, H, W order, EVAL_BATCH windows per forward, Gaussian-weighted sum in fp32 on the device), under no_grad with
autocast around the model (logits back to fp32). Peak memory: cudaMemGetInfo total-free (torch.cuda.mem_get_info)
sampled after each step, like the C# side, plus PyTorch's own max_memory_reserved and max_memory_allocated.

  python3 bench/pytorch_gpu_bench.py --device cuda --precisions fp32 bf16 fp16 --json out/pytorch.jsonl
  /usr/bin/python3 bench/pytorch_gpu_bench.py --device cpu --precisions fp32 bf16 --size 32 --batch 1 \
      --steps 2 --warmup 1 --eval-volumes 1 --eval-shape 40 48 48
"""
import argparse
import gc
import json
import os
import statistics
import sys
import time
import types
import warnings

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "parity"))


def _ensure_gaussian_window():
    """reference_unet3d imports scipy.signal.windows.gaussian; a bare torch venv may lack scipy."""
    try:
        import scipy.signal.windows  # noqa: F401
    except ImportError:
        def gaussian(m, std):
            n = np.arange(m) - (m - 1.0) / 2.0
            return np.exp(-0.5 * (n / std) ** 2)
        windows = types.ModuleType("scipy.signal.windows")
        windows.gaussian = gaussian
        signal = types.ModuleType("scipy.signal")
        signal.windows = windows
        scipy = types.ModuleType("scipy")
        scipy.signal = signal
        sys.modules.update({"scipy": scipy, "scipy.signal": signal, "scipy.signal.windows": windows})


_ensure_gaussian_window()
import reference_unet3d as ref  # noqa: E402

SIDE = "pytorch"
TFLOP_PER_SAMPLE_128 = 2.864
FLOP_NOTE = "2.864 TFLOP per 128³ training sample of the reference model, scaled by (S/128)³"
MEMORY_SOURCE = "cudaMemGetInfo total-free (device used, sampled after each step)"
DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16}


def tflop_per_sample(filters, size):
    return TFLOP_PER_SAMPLE_128 * (size / 128.0) ** 3 if list(filters) == ref.REFERENCE_FILTERS else None


class Memory:
    """Device-used high-water (total - free), plus the caching allocator's own peaks."""

    def __init__(self, device):
        self.cuda = device.type == "cuda"
        self.device = device
        self.peak = None
        if self.cuda:
            gc.collect()
            torch.cuda.empty_cache()
            torch.cuda.reset_peak_memory_stats(device)

    def sample(self):
        if self.cuda:
            free, total = torch.cuda.mem_get_info(self.device)
            self.peak = max(self.peak or 0, total - free)

    def fields(self):
        mib = lambda b: round(b / 1048576.0, 1)  # noqa: E731
        if not self.cuda:
            return {"peak_used_mib": None, "memory_source": "n/a", "peak_reserved_mib": None, "peak_allocated_mib": None}
        return {"peak_used_mib": mib(self.peak) if self.peak is not None else None, "memory_source": MEMORY_SOURCE,
                "peak_reserved_mib": mib(torch.cuda.max_memory_reserved(self.device)),
                "peak_allocated_mib": mib(torch.cuda.max_memory_allocated(self.device))}


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def autocast(device, precision):
    if precision == "fp32":
        return torch.autocast(device_type=device.type, enabled=False)
    return torch.autocast(device_type=device.type, dtype=DTYPES[precision])


def autocast_supported(device, precision):
    """Whether autocast really computes a conv in the requested dtype here (torch 1.13 CPU has no fp16 autocast)."""
    if precision == "fp32":
        return True
    x = torch.randn(1, 1, 4, 4, 4, device=device)
    w = torch.randn(1, 1, 1, 1, 1, device=device)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with autocast(device, precision):
                return F.conv3d(x, w).dtype == DTYPES[precision]
        except RuntimeError:
            return False


def make_scaler(device, precision):
    if precision != "fp16" or device.type != "cuda":
        return None
    if hasattr(torch, "amp") and hasattr(torch.amp, "GradScaler"):
        return torch.amp.GradScaler("cuda")
    return torch.cuda.amp.GradScaler()


def median_stats(times):
    return {"median_ms": round(statistics.median(times), 3), "min_ms": round(min(times), 3), "max_ms": round(max(times), 3)}


def train(args, device, precision):
    filters = args.filters
    memory = Memory(device)
    torch.manual_seed(args.seed)
    model = ref.Unet3D(1, 3, filters=filters).to(device)
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, nesterov=True)
    scaler = make_scaler(device, precision)
    shape = (args.batch, 1, args.size, args.size, args.size)
    images = torch.randn(shape).to(device)
    labels = torch.randint(0, 3, shape).to(torch.uint8).to(device)
    times, first_ms, loss_first, loss_last = [], 0.0, None, None
    for i in range(args.warmup + args.steps):
        sync(device)
        start = time.perf_counter()
        with autocast(device, precision):
            logits = model(images)
        loss = ref.dice_ce_loss(logits.float(), labels)
        if scaler is not None:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss.backward()
            optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        value = loss.item()
        sync(device)
        ms = (time.perf_counter() - start) * 1000.0
        memory.sample()
        if not np.isfinite(value):
            raise RuntimeError(f"Non-finite loss {value} at step {i + 1} ({precision})")
        if i == 0:
            first_ms, loss_first = ms, value
        if i >= args.warmup:
            times.append(ms)
        loss_last = value
    stats = median_stats(times)
    tflop = tflop_per_sample(filters, args.size)
    record = {"side": SIDE, "kind": "train", "precision": precision, "device": str(device), "batch": args.batch,
              "size": args.size, "filters": list(filters), "steps": args.steps, "warmup": args.warmup,
              "first_step_ms": round(first_ms, 3), **stats,
              "samples_per_s": round(args.batch * 1000.0 / stats["median_ms"], 3), "tflop_per_sample": tflop,
              "tflops": round(tflop * args.batch / (stats["median_ms"] / 1000.0), 2) if tflop else None,
              "flop_note": FLOP_NOTE if tflop else "n/a (not the reference filters)"}
    record.update(memory.fields())
    record.update({"loss_first": loss_first, "loss_last": loss_last})
    return record


def sliding_window(model, image, roi, overlap, batch):
    """The reference inference (precrop, constant pad -2.2, Gaussian-weighted average), windows batched on the device."""
    shape = list(image.shape[2:])
    strides = [int(roi * (1 - overlap))] * 3
    bounds = ref.precrop_bounds(shape, strides)
    image = ref.crop(image, shape, bounds)
    cropped = list(image.shape[2:])
    pad = [(st - s % st) % st for s, st in zip(cropped, strides)]
    pad = [b if s + b >= roi else b + st for s, b, st in zip(cropped, pad, strides)]
    paddings = [pad[2] // 2, pad[2] - pad[2] // 2, pad[1] // 2, pad[1] - pad[1] // 2, pad[0] // 2, pad[0] - pad[0] // 2]
    image = F.pad(image, paddings, mode="constant", value=-2.2)
    padded = list(image.shape[2:])
    counts = [(padded[a] - roi) // strides[a] + 1 for a in range(3)]
    starts = [(i * strides[0], j * strides[1], k * strides[2])
              for i in range(counts[0]) for j in range(counts[1]) for k in range(counts[2])]
    patch = ref.gaussian_importance(roi, 0.125 * roi).to(image.dtype).to(image.device)
    norm = torch.zeros((1, 1, *padded), dtype=image.dtype, device=image.device)
    result = None
    for first in range(0, len(starts), batch):
        chunk = starts[first:first + batch]
        x = torch.cat([image[..., i:i + roi, j:j + roi, k:k + roi] for i, j, k in chunk])
        logits = model(x)
        if result is None:
            result = torch.zeros((1, logits.shape[1], *padded), dtype=image.dtype, device=image.device)
        for n, (i, j, k) in enumerate(chunk):
            result[..., i:i + roi, j:j + roi, k:k + roi] += logits[n:n + 1] * patch
            norm[..., i:i + roi, j:j + roi, k:k + roi] += patch
    result /= norm
    d, h, w = paddings[4], paddings[2], paddings[0]
    return result[..., d:d + cropped[0], h:h + cropped[1], w:w + cropped[2]], len(starts)


def evaluate(args, device, precision):
    memory = Memory(device)
    torch.manual_seed(args.seed)
    model = ref.Unet3D(1, 3, filters=args.filters).to(device)
    model.eval()
    window_batch = args.eval_batch or args.batch

    def forward(x):  # as the C# evaluator: the model under autocast, logits back to fp32 for the weighted sum
        with autocast(device, precision):
            return model(x).float()
    times, first_ms, windows = [], 0.0, 0
    for v in range(args.eval_warmup + args.eval_volumes):
        image = torch.randn((1, 1, *args.eval_shape)).to(device)
        sync(device)
        start = time.perf_counter()
        with torch.no_grad():
            logits, windows = sliding_window(forward, image, args.size, args.overlap, window_batch)
        sync(device)
        ms = (time.perf_counter() - start) * 1000.0
        memory.sample()
        del logits, image
        if v == 0:
            first_ms = ms
        if v >= args.eval_warmup:
            times.append(ms)
    stats = median_stats(times)
    record = {"side": SIDE, "kind": "eval", "precision": precision, "device": str(device),
              "shape": list(args.eval_shape), "roi": args.size, "overlap": args.overlap, "window_batch": window_batch,
              "filters": list(args.filters), "windows_per_volume": windows, "volumes": args.eval_volumes,
              "warmup_volumes": args.eval_warmup, "first_volume_ms": round(first_ms, 3), **stats,
              "windows_per_s": round(windows * 1000.0 / stats["median_ms"], 2)}
    record.update(memory.fields())
    return record


def emit(args, record):
    record["torch_version"] = torch.__version__
    try:
        device = torch.device(record["device"])
        record["device_name"] = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    except Exception:  # noqa: BLE001 - a name is a nicety; the record must still be written
        record["device_name"] = None
    line = json.dumps(record, ensure_ascii=False)
    print(line, flush=True)
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "a", encoding="utf-8") as f:
            f.write(line + "\n")


def attempt(args, device, kind, precision, run):
    try:
        emit(args, run(args, device, precision))
        return True
    except Exception as e:  # noqa: BLE001 - every configuration is reported, the others still run
        emit(args, {"side": SIDE, "kind": kind, "precision": precision, "device": str(device),
                    "error": f"{type(e).__name__}: {e}"})
        print(f"FAILED {kind} {precision}: {type(e).__name__}: {e}", flush=True)
        return False
    finally:
        gc.collect()
        if device.type == "cuda":
            torch.cuda.empty_cache()


def describe(device):
    parts = [f"torch {torch.__version__}", f"device {device}"]
    if device.type == "cuda":
        parts += [f"{torch.cuda.get_device_name(device)}", f"CUDA {torch.version.cuda}",
                  f"cuDNN {torch.backends.cudnn.version()}", "cudnn.benchmark on, TF32 on"]
    else:
        parts.append(f"CPU, {torch.get_num_threads()} torch threads")
    return ", ".join(parts)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--device", default="cuda")
    p.add_argument("--precisions", nargs="+", default=["fp32", "bf16", "fp16"], choices=["fp32", "bf16", "fp16"])
    p.add_argument("--batch", type=int, default=2)
    p.add_argument("--size", type=int, default=128)
    p.add_argument("--filters", type=int, nargs="+", default=ref.REFERENCE_FILTERS)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--eval-volumes", type=int, default=3)
    p.add_argument("--eval-warmup", type=int, default=1)
    p.add_argument("--eval-shape", type=int, nargs=3, default=[256, 320, 320])
    p.add_argument("--eval-batch", type=int, default=0, help="windows per forward (0: the training batch)")
    p.add_argument("--overlap", type=float, default=0.5)
    p.add_argument("--json", help="append one JSON line per configuration to this file")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: default)")
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    if device.type == "cuda":
        if not torch.cuda.is_available():
            print("CUDA is not available to this torch", file=sys.stderr)
            return 2
        torch.backends.cudnn.benchmark = True
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    print(describe(device), flush=True)
    print(f"TFLOP/s: {FLOP_NOTE}", flush=True)
    ok = True
    for precision in args.precisions:
        if not autocast_supported(device, precision):
            reason = f"torch {torch.__version__} has no {precision} autocast on {device.type}"
            print(f"SKIPPED {precision}: {reason}", flush=True)
            for kind in ["train"] + (["eval"] if args.eval_volumes > 0 else []):
                emit(args, {"side": SIDE, "kind": kind, "precision": precision, "device": str(device), "skipped": reason})
            continue
        ok &= attempt(args, device, "train", precision, train)
        if args.eval_volumes > 0:
            ok &= attempt(args, device, "eval", precision, evaluate)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
