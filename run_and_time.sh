#!/usr/bin/env bash
# One timed unet3d run of a system config, as the MLPerf reference's run_and_time.sh:
#   ./run_and_time.sh [SYSTEM] [SEED]
# SYSTEM defaults to the embedded CPU default (cpu-embedded); SEED to -1 (drawn and logged).
# Installs/builds what it needs on first use. Every MLLOG line goes to stdout; the last line is
#   RESULT,image_segmentation,<seed>,<seconds>,<user>,<start>
set -euo pipefail
cd "$(dirname "$0")"
SYSTEM=${1:-cpu-embedded}
SEED=${2:--1}

app=harness/MLPerfDotnet.Cli/bin/Release/net10.0/linux-x64/mlperf.dll
if [ ! -f "$app" ] || [ -n "$(find harness benchmark compliance results systems -newer "$app" -name '*.cs' -print -quit 2>/dev/null)" ]; then
  echo "Building MLPerfDotnet (dotnet build -c Release) ..." >&2
  dotnet build harness/MLPerfDotnet.Cli -c Release -v quiet -nologo >&2
fi

# Untimed: make sure the system's data set exists (the embedded default generates and preprocesses its own).
dotnet "$app" prepare --system "$SYSTEM" >&2

start=$(date +%s)
start_fmt=$(date +%Y-%m-%d\ %r)
echo "STARTING TIMING RUN AT $start_fmt"
# CLEAR YOUR CACHE HERE: drop the page cache where we are allowed to, and log cache_clear either way.
sync; (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null || true
dotnet "$app" run --system "$SYSTEM" --seed "$SEED" --log-cache-clear
end=$(date +%s)
end_fmt=$(date +%Y-%m-%d\ %r)
echo "ENDING TIMING RUN AT $end_fmt"
result=$((end - start))
result_name="image_segmentation"
echo "RESULT,$result_name,$SEED,$result,${USER:-$(id -un)},$start_fmt"
