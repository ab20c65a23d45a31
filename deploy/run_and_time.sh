#!/usr/bin/env bash
# run_and_time.sh SYSTEM [SEED]: one timed unet3d run of systems/SYSTEM, shaped like the reference's
# run_and_time.sh (STARTING/ENDING lines and a RESULT line; the official time comes from the MLLOG run_start and
# run_stop). In the Kubeflow MPIJob it runs on the launcher pod: `mlperf run` starts mpiexec.mpich with the
# system's rank count, and Hydra reaches the worker pods through the operator's hostfile (HYDRA_HOST_FILE).
set -euo pipefail
SYSTEM=${1:?usage: run_and_time.sh SYSTEM [SEED]}
SEED=${2:--1}
MLPERF=${MLPERF:-mlperf}
SYSTEMS_DIR=${SYSTEMS_DIR:-/opt/mlperf/systems}
RESULTS_DIR=${MLPERF_RESULTS_DIR:-/results}
RUNS=${MLPERF_RUNS:-1}   # results wanted in RESULTS_DIR in all: finished ones are skipped (the MPIJob launcher asks for one more)

start=$(date +%s)
start_fmt=$(date +%Y-%m-%d\ %r)
echo "STARTING TIMING RUN AT $start_fmt"
MLPERF_SYSTEMS_DIR="$SYSTEMS_DIR" "$MLPERF" run --system "$SYSTEM" --seed "$SEED" --out "$RESULTS_DIR" --runs "$RUNS"
end=$(date +%s)
end_fmt=$(date +%Y-%m-%d\ %r)
echo "ENDING TIMING RUN AT $end_fmt"
echo "RESULT,image_segmentation,$SEED,$((end - start)),${USER:-mlperf},$start_fmt"
