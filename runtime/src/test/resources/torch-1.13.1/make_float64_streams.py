"""Writes float64 reference streams of PyTorch's CPU generator to stdout as JSON.

Run (PyTorch 1.13.1 from Debian's python3-torch, x86-64 with AVX2):
  ATEN_CPU_CAPABILITY=avx2    OMP_NUM_THREADS=1 /usr/bin/python3 make_float64_streams.py > streams-float64.json
  ATEN_CPU_CAPABILITY=default OMP_NUM_THREADS=1 /usr/bin/python3 make_float64_streams.py > scalar-kernels/streams-float64.json
Every float64 value is its IEEE-754 bit pattern as 16 hex digits; float32 values as 8.
"""
import json
import os
import struct

import torch

SEEDS = [0, 1, 42, 2**32 + 7]
SHAPES = [[1, 1], [3, 5], [4, 4], [17, 1], [31, 1], [8, 4], [10, 10], [64, 3, 3, 3]]
OPS = [
    ("uniform", {"from": -0.5, "to": 2.0}),
    ("normal", {"mean": 0.25, "std": 1.5}),
    ("kaiming_uniform", {"a": 0.0, "mode": "fan_in", "nonlinearity": "relu"}),
    ("kaiming_normal", {"a": 0.1, "mode": "fan_out", "nonlinearity": "leaky_relu"}),
]


def hex_values(t):
    if t.dtype == torch.float64:
        return ["%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in t.flatten().tolist()]
    return ["%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.flatten().tolist()]


def apply(op, shape, args, dtype=torch.float64):
    t = torch.empty(shape, dtype=dtype)
    if op == "uniform":
        t.uniform_(args["from"], args["to"])
    elif op == "normal":
        t.normal_(args["mean"], args["std"])
    elif op == "kaiming_uniform":
        torch.nn.init.kaiming_uniform_(t, a=args["a"], mode=args["mode"], nonlinearity=args["nonlinearity"])
    else:
        torch.nn.init.kaiming_normal_(t, a=args["a"], mode=args["mode"], nonlinearity=args["nonlinearity"])
    return {"op": op, "shape": shape, "args": args, "values": hex_values(t)}


cases = []
for seed in SEEDS:
    for shape in SHAPES:
        for op, args in OPS:
            torch.manual_seed(seed)
            cases.append({"seed": seed, **apply(op, shape, args)})
    # The scalar path's cached second sample, across calls and tensor sizes.
    torch.manual_seed(seed)
    steps = [apply("normal", s, {"mean": m, "std": sd}) for s, m, sd in
             [([1, 7], 0.0, 1.0), ([20], 0.0, 1.0), ([3], 1.0, 2.0)]]
    cases.append({"seed": seed, "op": "sequence", "steps": steps})
    # torch.rand / torch.randn, one call per element, on one generator.
    torch.manual_seed(seed)
    scalars = []
    for _ in range(3):
        scalars.append({"op": "rand", "dtype": "float32", "values": hex_values(torch.rand(1))})
        scalars.append({"op": "rand", "dtype": "float64", "values": hex_values(torch.rand(1, dtype=torch.float64))})
        scalars.append({"op": "randn", "dtype": "float64", "values": hex_values(torch.randn(1, dtype=torch.float64))})
    cases.append({"seed": seed, "op": "scalars", "steps": scalars})

meta = {
    "torch": torch.__version__,
    "dtype": "float64",
    "aten_cpu_capability": os.environ.get("ATEN_CPU_CAPABILITY", "auto"),
    "cpu_capability_in_use": [line.split(":", 1)[1].strip() for line in torch.__config__.show().splitlines()
                              if "CPU capability usage" in line][0],
}
print(json.dumps({"meta": meta, "cases": cases}))
