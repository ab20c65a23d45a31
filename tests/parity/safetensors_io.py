"""Minimal safetensors writer (no extra package): 8-byte little-endian header length, JSON header
(padded with spaces to a multiple of 8), then the raw little-endian tensor bytes in header order."""
import json
import struct

import numpy as np
import torch

_DTYPES = {np.dtype("float32"): "F32", np.dtype("float64"): "F64", np.dtype("uint8"): "U8",
           np.dtype("int64"): "I64", np.dtype("int32"): "I32"}


def save(path, tensors, metadata=None):
    header, blobs, offset = {}, [], 0
    for name, value in tensors.items():
        array = value.detach().cpu().numpy() if isinstance(value, torch.Tensor) else np.asarray(value)
        array = np.require(array, requirements="C").astype(array.dtype.newbyteorder("<"), copy=False)
        data = array.tobytes()
        header[name] = {"dtype": _DTYPES[array.dtype.newbyteorder("=")], "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for data in blobs:
            f.write(data)


def load(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        body = f.read()
    inverse = {v: k for k, v in _DTYPES.items()}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        out[name] = torch.from_numpy(
            np.frombuffer(body[start:end], dtype=inverse[info["dtype"]]).reshape(info["shape"]).copy())
    return out, header.get("__metadata__", {})
