#!/usr/bin/python3
"""The reference preprocessing recipe (unet3d-reference.md section 3), written out with nibabel 5.0, numpy 1.24
and torch 1.13 (Debian's /usr/bin/python3), run on the tiny synthetic raw cases in raw/. Writes
raw/expected_md5.json: the md5 of each case_XXXXX_{x,y}.npy that np.save would write. The C# preprocessing
must give the same bytes. Optional arguments: RAW_DIR OUT_JSON (for other data, e.g. the timing in docs/data.md).
"""
import hashlib
import io
import json
import os
import sys
import time

import nibabel
import numpy as np
import torch
import torch.nn.functional as F

TARGET = [1.6, 1.2, 1.2]
MIN_SHAPE = 128
here = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "raw")
out_json = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "expected_md5.json")


def md5_of_npy(array):
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return hashlib.md5(buffer.getvalue()).hexdigest()


result = {}
for case in sorted(d for d in os.listdir(here) if d.startswith("case_")):
    start = time.perf_counter()
    img = nibabel.load(os.path.join(here, case, "imaging.nii.gz"))
    seg = nibabel.load(os.path.join(here, case, "segmentation.nii.gz"))
    spacing = img.header["pixdim"][1:4]
    x = np.expand_dims(img.get_fdata().astype(np.float32), 0)  # Fortran-order data, as nibabel returns it
    y = np.expand_dims(seg.get_fdata().astype(np.uint8), 0)
    shape = (np.array(spacing) / np.array(TARGET) * np.array(x.shape[1:])).astype(int).tolist()
    x = F.interpolate(torch.from_numpy(np.expand_dims(x, 0)), size=shape, mode="trilinear", align_corners=True)
    y = F.interpolate(torch.from_numpy(np.expand_dims(y, 0)), size=shape, mode="nearest")
    x = np.squeeze(x.numpy(), 0)
    y = np.squeeze(y.numpy(), 0)
    x = (np.clip(x, -79.0, 304.0) - 101.0) / 76.9
    pads = [(0, 0)] + [((max(MIN_SHAPE, s) - s) // 2, max(MIN_SHAPE, s) - s - (max(MIN_SHAPE, s) - s) // 2) for s in x.shape[1:]]
    x = np.pad(x, pads, mode="edge").astype(np.float32)
    y = np.pad(y, pads, mode="edge").astype(np.uint8)
    result[f"{case}_x.npy"] = md5_of_npy(x)
    result[f"{case}_y.npy"] = md5_of_npy(y)
    print(f"{case}: {time.perf_counter() - start:.2f} s", file=sys.stderr)
with open(out_json, "w") as f:
    json.dump(result, f, indent=1, sort_keys=True)
print(result)
