#!/usr/bin/python3
"""Regenerates the tiny PyTorch fixtures of the data tests (run with Debian's /usr/bin/python3, torch 1.13).

trilinear_*: interpolate(mode='trilinear', align_corners=True) of small random float32 volumes.
nearest_*:   interpolate(mode='nearest') of small random uint8 volumes.
randperm.json: torch.randperm(n, generator=torch.Generator().manual_seed(seed)), which DistributedSampler uses.

What the fixtures pinned down about torch 1.13's CPU trilinear on float32 (checked bit for bit on 40 more random
shape pairs, 444,241 values, while writing StreamingResampler.Trilinear): per axis scale = float32(in-1)/(out-1),
src = scale * dst in float64, l1 = float32(src - i0), l0 = 1 - l1 in float32; each output is the float64 sum of
the 8 terms float32((ld*lh)*lw) * x in the order d0h0w0, d0h0w1, ..., d1h1w1, rounded once to float32.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240601)
cases = [((7, 9, 11), (5, 13, 8)), ((4, 6, 5), (9, 6, 3)), ((10, 3, 8), (10, 7, 17))]
for n, (shape, out) in enumerate(cases):
    x = (rng.normal(40, 300, size=shape)).astype(np.float32)
    y = F.interpolate(torch.from_numpy(x)[None, None], size=out, mode="trilinear", align_corners=True)[0, 0].numpy()
    np.save(os.path.join(here, f"trilinear_{n}_in.npy"), x)
    np.save(os.path.join(here, f"trilinear_{n}_out.npy"), y)
    lab = rng.integers(0, 3, size=shape).astype(np.uint8)
    ly = F.interpolate(torch.from_numpy(lab)[None, None], size=out, mode="nearest")[0, 0].numpy()
    np.save(os.path.join(here, f"nearest_{n}_in.npy"), lab)
    np.save(os.path.join(here, f"nearest_{n}_out.npy"), ly)

perms = {}
for n, seed in [(168, 0), (168, 1234), (168, 3735928559), (42, 7), (10, 2**40 + 5)]:
    g = torch.Generator()
    g.manual_seed(seed)
    perms[f"{n}:{seed}"] = torch.randperm(n, generator=g).tolist()
with open(os.path.join(here, "randperm.json"), "w") as f:
    json.dump(perms, f)
