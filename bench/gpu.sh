#!/usr/bin/env bash
# The same-GPU benchmark of issue 7: TorchSharp (the mlperf bundle from bench/bundle.sh) against PyTorch
# (bench/pytorch_gpu_bench.py) on the same card, same shapes, same process layout. Run in the repository root of a
# machine that has the PyTorch wheel and the bundle but no .NET:
#   bench/gpu.sh                         # GPU defaults: batch 2 x 128³, fp32 bf16 fp16, 20 steps after 5 warm-up
# and on a CPU machine as a smoke test (the libtorch for TorchSharp set apart from the Python that runs the peer):
#   DEVICE=cpu SIZE=32 BATCH=1 STEPS=2 WARMUP=1 EVAL_VOLUMES=1 EVAL_SHAPE="40 48 48" PYTHON=/usr/bin/python3 \
#     MLPERF_LIBTORCH_DIR=~/.nuget/packages/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native bench/gpu.sh
# Every stage prints what it does and goes on when one fails; each run has a timeout and the whole script a time
# budget (BUDGET_S). Logs and JSON lines go to $OUT (else bench/out); the merged table is printed last.
# Knobs (environment): DEVICE PYTHON PRECISIONS BATCH SIZE FILTERS STEPS WARMUP EVAL_VOLUMES EVAL_WARMUP EVAL_SHAPE
# EVAL_BATCH THREADS SMOKE SMOKE_SIZE RUN_TIMEOUT_S BUDGET_S CUDA_TRAIN TRAIN_PRECISION BUNDLE MLPERF MLPERF_LIBTORCH_DIR.
set -u

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
OUT_DIR=${OUT:-$ROOT/bench/out}
mkdir -p "$OUT_DIR"
T0=$(date +%s)
BUDGET_S=${BUDGET_S:-290}
DEVICE=${DEVICE:-cuda}
PYTHON=${PYTHON:-python3}
PRECISIONS=${PRECISIONS:-fp32 bf16 fp16}
BATCH=${BATCH:-2}
SIZE=${SIZE:-128}
STEPS=${STEPS:-20}
WARMUP=${WARMUP:-5}
EVAL_VOLUMES=${EVAL_VOLUMES:-3}
EVAL_WARMUP=${EVAL_WARMUP:-1}
EVAL_SHAPE=${EVAL_SHAPE:-256 320 320}
EVAL_BATCH=${EVAL_BATCH:-0}
# CPU smoke: one torch thread on each side (2 threads on a shared 2-core machine oversubscribe and time noise).
if [ "$DEVICE" = cpu ]; then THREADS=${THREADS:-1}; else THREADS=${THREADS:-0}; fi
SMOKE=${SMOKE:-1}
SMOKE_SIZE=${SMOKE_SIZE:-64}
RUN_TIMEOUT_S=${RUN_TIMEOUT_S:-100}
CUDA_TRAIN=${CUDA_TRAIN:-auto}
TRAIN_PRECISION=${TRAIN_PRECISION:-fp32}
BUNDLE=${BUNDLE:-$ROOT/.gpu-bundle/mlperf-gpu.tar.xz}
MLPERF=${MLPERF:-}
FILTERS=${FILTERS:-}
if [ -z "$FILTERS" ] && [ "$SIZE" -lt 64 ]; then
  # The reference model's 5 levels leave a 1³ bottleneck below 64³, which PyTorch's InstanceNorm refuses in training.
  FILTERS="8 16 32 64"
  echo "note: SIZE=$SIZE < 64, so both sides use the small model (filters $FILTERS; TFLOP/s n/a)"
fi
TS_JSON="$OUT_DIR/torchsharp.jsonl"
PT_JSON="$OUT_DIR/pytorch.jsonl"
for f in "$TS_JSON" "$PT_JSON" "$OUT_DIR/smoke.jsonl"; do [ -f "$f" ] && mv -f "$f" "$f.prev"; done

elapsed() { echo $(( $(date +%s) - T0 )); }
remaining() { echo $(( BUDGET_S - $(elapsed) )); }
stage() { echo; echo "=== [$(elapsed) s] $*"; }
# skip_record FILE SIDE PRECISION REASON: JSON lines the table shows where a train or eval result is missing
# (a result of the same configuration, when there is one, takes precedence).
skip_record() {
  local kind
  for kind in train eval; do
    [ "$kind" = eval ] && [ "$EVAL_VOLUMES" -le 0 ] && continue
    printf '{"side": "%s", "kind": "%s", "precision": "%s", "device": "%s", "skipped": "%s"}\n' "$2" "$kind" "$3" "$DEVICE" "$4" >> "$1"
  done
}
# timed SECONDS LOG CMD...: runs CMD under timeout, output to the console and LOG; returns CMD's status (124 on timeout).
timed() {
  local limit=$1 log=$2 rc; shift 2
  timeout -k 10 "$limit" "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 124 ] && echo "TIMEOUT after $limit s"
  [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && echo "exit status $rc"
  return "$rc"
}

stage "environment"
echo "host $(hostname 2>/dev/null || cat /etc/hostname), $(nproc) CPUs, $(uname -sr), $(ldd --version 2>&1 | head -1)"
if command -v nvidia-smi > /dev/null; then
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,power.limit --format=csv 2>&1
  nvidia-smi 2>&1 | sed -n '3p'
else
  echo "nvidia-smi: not found"
fi
$PYTHON - <<'EOF' 2>&1
import sys
try:
    import torch
    cuda = torch.cuda.is_available()
    print(f"python {sys.version.split()[0]} ({sys.executable}), torch {torch.__version__}, CUDA build {torch.version.cuda}, "
          f"cuDNN {torch.backends.cudnn.version() if cuda else 'n/a'}, CXX11 ABI {torch._C._GLIBCXX_USE_CXX11_ABI}, "
          f"cuda available {cuda}" + (f", {torch.cuda.get_device_name(0)} (sm {torch.cuda.get_device_capability(0)})" if cuda else ""))
except Exception as e:
    print(f"torch: {type(e).__name__}: {e}")
EOF

stage "libtorch for TorchSharp"
TORCH_PKG=$($PYTHON -c 'import torch, os; print(os.path.dirname(torch.__file__))' 2>/dev/null)
echo "python torch package: ${TORCH_PKG:-not found}"
if [ -z "${MLPERF_LIBTORCH_DIR:-}" ] && [ -n "$TORCH_PKG" ]; then
  MLPERF_LIBTORCH_DIR="$TORCH_PKG/lib"
fi
NV_LIBS=""
if [ -n "${MLPERF_LIBTORCH_DIR:-}" ]; then
  for d in "$MLPERF_LIBTORCH_DIR"/../../nvidia/*/lib; do [ -d "$d" ] && NV_LIBS="$NV_LIBS:$(cd "$d" && pwd)"; done
fi
MLPERF_LD_PATH="${MLPERF_LIBTORCH_DIR:-}$NV_LIBS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
echo "MLPERF_LIBTORCH_DIR=${MLPERF_LIBTORCH_DIR:-unset}"
echo "LD_LIBRARY_PATH for mlperf=$MLPERF_LD_PATH"

stage "TorchSharp bundle"
if [ -z "$MLPERF" ]; then
  if [ -f "$BUNDLE" ]; then
    DEST=${BUNDLE_DEST:-/tmp/mlperf-gpu-$$}
    rm -rf "$DEST" && mkdir -p "$DEST"
    # tar -J needs xz; Python's tarfile (lzma) is the fallback.
    if tar -C "$DEST" -xJf "$BUNDLE" 2>/dev/null \
        || $PYTHON -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$BUNDLE" "$DEST"; then
      MLPERF="$DEST/mlperf-gpu/mlperf"
      echo "unpacked $BUNDLE ($(du -sm "$DEST" | cut -f1) MiB) to $DEST"
    else
      echo "could not unpack $BUNDLE"
    fi
  else
    echo "no bundle at $BUNDLE: run bench/bundle.sh where .NET is (the TorchSharp side is skipped)"
  fi
fi
# The loader path only for mlperf: the Python peer keeps its own environment (its torch may be another version).
MLPERF_CMD=(env LD_LIBRARY_PATH="$MLPERF_LD_PATH" MLPERF_LIBTORCH_DIR="${MLPERF_LIBTORCH_DIR:-}" "$MLPERF")
TS_OK=0
[ -n "$MLPERF" ] && [ -x "$MLPERF" ] && TS_OK=1

COMMON=(--device "$DEVICE" --batch "$BATCH" --size "$SIZE" --steps "$STEPS" --warmup "$WARMUP" --eval-volumes "$EVAL_VOLUMES"
        --eval-warmup "$EVAL_WARMUP" --eval-shape $EVAL_SHAPE --eval-batch "$EVAL_BATCH" --threads "$THREADS")
[ -n "$FILTERS" ] && COMMON+=(--filters $FILTERS)

if [ "$TS_OK" = 1 ] && [ "$SMOKE" = 1 ]; then
  stage "TorchSharp smoke: fp32, batch 1 x ${SMOKE_SIZE}³, 1 warm-up + 2 steps, no eval"
  SMOKE_FILTERS=()
  [ "$SMOKE_SIZE" -lt 64 ] && SMOKE_FILTERS=(--filters 8 16 32 64)
  if ! timed 150 "$OUT_DIR/smoke.log" "${MLPERF_CMD[@]}" bench gpu --device "$DEVICE" --precisions fp32 --batch 1 --size "$SMOKE_SIZE" \
      --steps 2 --warmup 1 --eval-volumes 0 --threads "$THREADS" "${SMOKE_FILTERS[@]}" --json "$OUT_DIR/smoke.jsonl"; then
    echo "TorchSharp smoke FAILED: the TorchSharp runs are skipped (FORCE_TORCHSHARP=1 runs them anyway); the PyTorch side still runs"
    if [ -n "${MLPERF_LIBTORCH_DIR:-}" ]; then
      echo "--- unresolved symbols of libLibTorchSharp.so against $MLPERF_LIBTORCH_DIR (ldd -r, first 20):"
      undefined=$(env LD_LIBRARY_PATH="$MLPERF_LD_PATH" ldd -r "$(dirname "$MLPERF")/libLibTorchSharp.so" 2>&1)
      printf '%s\n' "$undefined" | grep -E 'undefined symbol|not found' | head -20
    fi
    [ "${FORCE_TORCHSHARP:-0}" = 1 ] || TS_OK=0
  fi
fi

for p in $PRECISIONS; do
  left=$(remaining)
  limit=$(( left - 20 < RUN_TIMEOUT_S ? left - 20 : RUN_TIMEOUT_S ))
  stage "TorchSharp $p (timeout $limit s, $left s of the budget left)"
  if [ "$TS_OK" != 1 ]; then
    skip_record "$TS_JSON" torchsharp "$p" "no working TorchSharp bundle (see the smoke stage)"
  elif [ "$limit" -lt 30 ]; then
    echo "skipped: out of time budget"; skip_record "$TS_JSON" torchsharp "$p" "out of the time budget"
  else
    timed "$limit" "$OUT_DIR/torchsharp-$p.log" "${MLPERF_CMD[@]}" bench gpu "${COMMON[@]}" --precisions "$p" --json "$TS_JSON"
    rc=$?
    if [ "$rc" -eq 124 ]; then skip_record "$TS_JSON" torchsharp "$p" "timeout after $limit s"
    elif [ "$rc" -ge 2 ]; then skip_record "$TS_JSON" torchsharp "$p" "exit status $rc (crash or setup error), see torchsharp-$p.log"; fi
  fi
  left=$(remaining)
  limit=$(( left - 20 < RUN_TIMEOUT_S ? left - 20 : RUN_TIMEOUT_S ))
  stage "PyTorch $p (timeout $limit s, $left s of the budget left)"
  if [ "$limit" -lt 30 ]; then
    echo "skipped: out of time budget"; skip_record "$PT_JSON" pytorch "$p" "out of the time budget"
  else
    timed "$limit" "$OUT_DIR/pytorch-$p.log" $PYTHON bench/pytorch_gpu_bench.py "${COMMON[@]}" --precisions "$p" --json "$PT_JSON"
    rc=$?
    if [ "$rc" -eq 124 ]; then skip_record "$PT_JSON" pytorch "$p" "timeout after $limit s"
    elif [ "$rc" -ge 2 ]; then skip_record "$PT_JSON" pytorch "$p" "exit status $rc (crash or setup error), see pytorch-$p.log"; fi
  fi
done

stage "CUDA training of the embedded system (mlperf train --set device=cuda)"
if [ "$CUDA_TRAIN" = 0 ] || [ "$DEVICE" = cpu ]; then
  echo "skipped (CUDA_TRAIN=$CUDA_TRAIN, DEVICE=$DEVICE)"
elif [ "$TS_OK" != 1 ]; then
  echo "skipped: no working TorchSharp bundle"
elif [ "$CUDA_TRAIN" = auto ] && [ "$(remaining)" -lt 150 ]; then
  echo "skipped: $(remaining) s of the budget left (CUDA_TRAIN=1 forces it; it needs up to 150 s)"
else
  timed 60 "$OUT_DIR/prepare.log" "${MLPERF_CMD[@]}" prepare --system cpu-embedded
  timed 120 "$OUT_DIR/cuda-train.log" "${MLPERF_CMD[@]}" train --system cpu-embedded --seed 1 --set device="$DEVICE" \
    --set precision="$TRAIN_PRECISION" --result "$OUT_DIR/cuda-train.mllog"
  echo "--- Dice trajectory on $DEVICE ($TRAIN_PRECISION, seed 1); the CPU trajectory of the same system and seed is in docs/gpu.md:"
  $PYTHON bench/mllog_trajectory.py "$OUT_DIR/cuda-train.mllog" 168
fi

stage "table (TorchSharp: $TS_JSON, PyTorch: $PT_JSON)"
echo "device $DEVICE, precisions $PRECISIONS, batch $BATCH x ${SIZE}³${FILTERS:+ (filters $FILTERS)}, $WARMUP warm-up + $STEPS timed steps," \
  "eval $EVAL_VOLUMES x ($EVAL_SHAPE) after $EVAL_WARMUP warm-up; whole run $(elapsed) s"
$PYTHON bench/table.py --torchsharp "$TS_JSON" --pytorch "$PT_JSON" --out "$OUT_DIR/table.md" \
  || { echo "table.py failed with $PYTHON; trying python3"; python3 bench/table.py --torchsharp "$TS_JSON" --pytorch "$PT_JSON" --out "$OUT_DIR/table.md"; }
