#!/usr/bin/python3
"""Regenerates the tiny PyTorch fixtures of the data tests (run with Debian's /usr/bin/python3, torch 1.13).

trilinear_*: interpolate(mode='trilinear', align_corners=True) of small random float32 volumes.
nearest_*:   interpolate(mode='nearest') of small random uint8 volumes.
randperm.json: torch.randperm(n, generator=torch.Generator().manual_seed(seed)), which DistributedSampler uses.

The float32 inputs are passed to torch in Fortran order, as the reference does (nibabel's get_fdata() returns a
Fortran-order array, so torch takes its generic N-d upsampling kernel; a C-contiguous (1, 1, D, H, W) tensor
also counts as channels-last and takes another kernel with different rounding). What this pinned down for
torch 1.13 (Debian build, CPU capability AVX2), checked bit for bit on 25 more random shape pairs: per axis
scale = float32(in-1)/float32(out-1), src = scale * dst in float64, l1 = float32(src - i0), l0 = 1 - l1 in
float32; W is combined first, then H, then D, each as fma(t0, l0, float32(t1 * l1)) in float32.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240601)
cases = [((7, 9, 11), (5, 13, 8)), ((4, 6, 5), (9, 6, 3)), ((10, 3, 8), (10, 7, 17)), ((19, 12, 14), (47, 11, 15))]
for n, (shape, out) in enumerate(cases):
    x = (rng.normal(40, 300, size=shape)).astype(np.float32)
    xf = np.asfortranarray(x)
    y = F.interpolate(torch.from_numpy(xf)[None, None], size=out, mode="trilinear", align_corners=True)[0, 0].numpy()
    np.save(os.path.join(here, f"trilinear_{n}_in.npy"), x)
    np.save(os.path.join(here, f"trilinear_{n}_out.npy"), np.ascontiguousarray(y))
    lab = rng.integers(0, 3, size=shape).astype(np.uint8)
    ly = F.interpolate(torch.from_numpy(np.asfortranarray(lab))[None, None], size=out, mode="nearest")[0, 0].numpy()
    np.save(os.path.join(here, f"nearest_{n}_in.npy"), lab)
    np.save(os.path.join(here, f"nearest_{n}_out.npy"), np.ascontiguousarray(ly))

perms = {}
for n, seed in [(168, 0), (168, 1234), (168, 3735928559), (42, 7), (10, 2**40 + 5)]:
    g = torch.Generator()
    g.manual_seed(seed)
    perms[f"{n}:{seed}"] = torch.randperm(n, generator=g).tolist()
with open(os.path.join(here, "randperm.json"), "w") as f:
    json.dump(perms, f)

# NIfTI files written by nibabel, one per supported datatype, alternating byte order and compression, with
# scaling on some; nifti_<name>_expected.npy is get_fdata().astype(float32) in nibabel's array order.
import nibabel as nib  # noqa: E402

base = np.arange(3 * 4 * 5).reshape(3, 4, 5)
specs = [
    ("uint8", np.uint8, "<", ".nii.gz", None),
    ("int16", np.int16, ">", ".nii", (2.0, -1.0)),
    ("int32", np.int32, "<", ".nii", (0.5, 3.0)),
    ("float32", np.float32, ">", ".nii.gz", None),
    ("float64", np.float64, "<", ".nii.gz", (1.5, 0.25)),
    ("int8", np.int8, "<", ".nii", None),
    ("uint16", np.uint16, ">", ".nii.gz", None),
    ("uint32", np.uint32, "<", ".nii.gz", (1.0, 7.0)),
]
for name, dtype, order, ext, scaling in specs:
    arr = (base - 20 if np.issubdtype(dtype, np.signedinteger) or dtype in (np.float32, np.float64) else base)
    arr = arr.astype(dtype)
    if dtype in (np.float32, np.float64):
        arr = arr * np.asarray(0.37, dtype)
    hdr = nib.Nifti1Header(endianness=order)
    hdr.set_data_dtype(dtype)
    img = nib.Nifti1Image(arr, np.diag([0.8, 0.7, 2.5, 1.0]), header=hdr)
    if scaling is not None:
        img.header.set_slope_inter(*scaling)
    else:
        img.header.set_slope_inter(1.0, 0.0)
    path = os.path.join(here, f"nifti_{name}{ext}")
    # keep the raw values: nibabel would otherwise rescale integer data on save
    img.set_data_dtype(dtype)
    nib.save(img, path)
    back = nib.load(path)
    assert back.header.get_data_dtype() == np.dtype(dtype).newbyteorder(order) or order == "<", name
    np.save(os.path.join(here, f"nifti_{name}_expected.npy"), np.ascontiguousarray(back.get_fdata().astype(np.float32)))
