"""Writes more PyTorch 1.13.1 reference values for the initializers beyond Kaiming, to stdout as JSON.

Run (PyTorch 1.13.1 from Debian's python3-torch, x86-64 with AVX2 and FMA, glibc 2.36):
  ATEN_CPU_CAPABILITY=avx2    OMP_NUM_THREADS=1 /usr/bin/python3 make_vocabulary_extra.py > vocabulary-extra.json
  ATEN_CPU_CAPABILITY=default OMP_NUM_THREADS=1 /usr/bin/python3 make_vocabulary_extra.py > scalar-kernels/vocabulary-extra.json
Same conventions as make_vocabulary.py (torch.manual_seed(seed), then calls on fresh tensors; values
as IEEE-754 hex, 8 digits for float32, 16 for float64; 'sequence' cases chain calls on one
generator). What it adds: trunc_normal_ on more intervals (both tails, narrow ones, a mean far
outside [a, b]) in float32 and float64, and sequences in which orthogonal_ (whose values go through
LAPACK) is followed by other calls, so that the state it leaves the generator in is checked, and
orthogonal_ of square matrices, a single row and a single column.
"""
import json
import os
import struct

import torch
import torch.nn.init as init

OPS = {
    "xavier_normal": lambda t, a: init.xavier_normal_(t, gain=a["gain"]),
    "trunc_normal": lambda t, a: init.trunc_normal_(t, mean=a["mean"], std=a["std"], a=a["a"], b=a["b"]),
    "orthogonal": lambda t, a: init.orthogonal_(t, gain=a["gain"]),
    "normal": lambda t, a: init.normal_(t, mean=a["mean"], std=a["std"]),
    "uniform": lambda t, a: init.uniform_(t, a=a["from"], b=a["to"]),
}


def hex_values(t):
    if t.dtype == torch.float64:
        return ["%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in t.flatten().tolist()]
    return ["%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.flatten().tolist()]


INTERVALS = [
    {"mean": 0.0, "std": 1.0, "a": -0.5, "b": 3.0},
    {"mean": 0.0, "std": 1.0, "a": 1.5, "b": 4.0},
    {"mean": 0.0, "std": 1.0, "a": -5.0, "b": -2.5},
    {"mean": 2.0, "std": 0.5, "a": 1.9, "b": 2.1},
    {"mean": 0.25, "std": 3.0, "a": -0.1, "b": 0.2},
    {"mean": 0.0, "std": 0.5, "a": 1.5, "b": 2.5},
]
SEQUENCES = [
    [("orthogonal", [8, 4], {"gain": 1.0}), ("normal", [10], {"mean": 0.0, "std": 1.0}),
     ("orthogonal", [3, 5], {"gain": 2.0}), ("normal", [7], {"mean": 0.5, "std": 0.1}),
     ("xavier_normal", [5, 4], {"gain": 1.0}),
     ("trunc_normal", [9], {"mean": 0.0, "std": 1.0, "a": -2.0, "b": 2.0})],
    # Square matrices (the case in which neither the matrix nor its transpose is the taller), a
    # 3-D tensor flattened to a square, and a single row and a single column.
    [("orthogonal", [6, 6], {"gain": 1.0}), ("orthogonal", [4, 2, 2], {"gain": 0.5}),
     ("orthogonal", [1, 5], {"gain": 1.0}), ("orthogonal", [5, 1], {"gain": 3.0}),
     ("normal", [4], {"mean": 0.0, "std": 1.0})],
]

cases = []
for seed in [3, 77]:
    for dtype in [torch.float32, torch.float64]:
        for shape in [[1000]]:
            for args in INTERVALS:
                torch.manual_seed(seed)
                t = torch.empty(shape, dtype=dtype)
                init.trunc_normal_(t, **args)
                cases.append({"seed": seed, "op": "trunc_normal", "dtype": str(dtype)[6:], "shape": shape,
                              "args": args, "values": hex_values(t)})
    for seq in SEQUENCES:
        torch.manual_seed(seed)
        steps = []
        for op, shape, args in seq:
            t = torch.empty(shape)
            OPS[op](t, args)
            steps.append({"op": op, "shape": shape, "args": args, "values": hex_values(t)})
        cases.append({"seed": seed, "op": "sequence", "steps": steps})

cap = os.environ.get("ATEN_CPU_CAPABILITY", "auto")
meta = {"torch": torch.__version__, "aten_cpu_capability": cap,
        "cpu_capability_in_use": torch.__config__.show().split("CPU capability usage: ")[1].split("\n")[0]}
print(json.dumps({"meta": meta, "cases": cases}, indent=1))
