#!/usr/bin/python3
"""Writes full-size preprocessed-like volumes for the loader benchmark: case_XXXXX_x.npy (float32, 1x256x333x333,
the median KiTS19 preprocessed shape) and _y.npy (uint8) with a few kidney/tumour blobs.
Usage: make_bench_volumes.py OUT_DIR [CASES]"""
import os
import sys

import numpy as np

out = sys.argv[1]
cases = int(sys.argv[2]) if len(sys.argv) > 2 else 6
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(0)
shape = (1, 256, 333, 333)
for c in range(cases):
    x = rng.standard_normal(shape, dtype=np.float32)
    y = np.zeros(shape, np.uint8)
    for cls, count, size in ((1, 2, 40), (2, 3, 14)):
        for _ in range(count):
            lo = [int(rng.integers(0, s - size)) for s in shape[1:]]
            y[0, lo[0]:lo[0] + size, lo[1]:lo[1] + size, lo[2]:lo[2] + size] = cls
    np.save(os.path.join(out, f"case_{c:05d}_x.npy"), x)
    np.save(os.path.join(out, f"case_{c:05d}_y.npy"), y)
