"""Writes fingerprints of large float32 fills of PyTorch's CPU generator to stdout as JSON.

Run (PyTorch 1.13.1 from Debian's python3-torch, x86-64 with AVX2):
  ATEN_CPU_CAPABILITY=avx2    OMP_NUM_THREADS=1 /usr/bin/python3 make_large_fills.py > large-fills.json
  ATEN_CPU_CAPABILITY=default OMP_NUM_THREADS=1 /usr/bin/python3 make_large_fills.py > scalar-kernels/large-fills.json
Per seed, one sequence of fills on one generator; per fill the SHA-256 of the tensor's float32
little-endian bytes, its first and last 8 values (IEEE-754 bit patterns, 8 hex digits) and its sum.
"""
import hashlib
import json
import os
import struct

import torch

SEEDS = [0, 7]
# Sizes around 2^20: not a multiple of 16 (the recomputed last block), odd rows, a multiple of 16.
STEPS = [
    ("normal", [1031, 1017], {"mean": 0.0, "std": 0.02}),
    ("uniform", [1023, 1025], {"from": -0.05, "to": 0.05}),
    ("normal", [512, 2048], {"mean": 0.5, "std": 2.0}),
    ("uniform", [3, 5, 7], {"from": -1.0, "to": 1.0}),
    ("normal", [600, 437], {"mean": -1.0, "std": 0.5}),
]


def hex_values(values):
    return ["%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in values]


cases = []
for seed in SEEDS:
    torch.manual_seed(seed)
    steps = []
    for op, shape, args in STEPS:
        t = torch.empty(shape, dtype=torch.float32)
        if op == "normal":
            t.normal_(args["mean"], args["std"])
        else:
            t.uniform_(args["from"], args["to"])
        flat = t.flatten()
        steps.append({
            "op": op, "shape": shape, "args": args,
            "sha256": hashlib.sha256(flat.numpy().astype("<f4").tobytes()).hexdigest(),
            "first": hex_values(flat[:8].tolist()),
            "last": hex_values(flat[-8:].tolist()),
            "sum": float(flat.double().sum()),
        })
    cases.append({"seed": seed, "steps": steps})

meta = {
    "torch": torch.__version__,
    "aten_cpu_capability": os.environ.get("ATEN_CPU_CAPABILITY", "auto"),
    "cpu_capability_in_use": [line.split(":", 1)[1].strip() for line in torch.__config__.show().splitlines()
                              if "CPU capability usage" in line][0],
}
print(json.dumps({"meta": meta, "cases": cases}, indent=1))
