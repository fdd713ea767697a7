"""Writes PyTorch's default initialisation of transposed convolutions to stdout as JSON.

Run (PyTorch 1.13.1 from Debian's python3-torch, x86-64 with AVX2):
  ATEN_CPU_CAPABILITY=avx2 OMP_NUM_THREADS=1 /usr/bin/python3 make_transposed_layers.py > transposed-layers.json
A transposed convolution's weight is [in][out / groups][k...] and its bias [out]; reset_parameters()
bounds the bias by the fan_in of that weight, (out / groups) * k... Values as in layers.json: float32
IEEE-754 bit patterns, 8 hex digits.
"""
import json
import struct

import torch

LAYERS = [
    ("ConvTranspose2d(4,6,3)", lambda: torch.nn.ConvTranspose2d(4, 6, 3)),
    ("ConvTranspose2d(4,6,3,groups=2)", lambda: torch.nn.ConvTranspose2d(4, 6, 3, groups=2)),
    ("ConvTranspose1d(3,5,2)", lambda: torch.nn.ConvTranspose1d(3, 5, 2)),
]


def hex_values(t):
    return ["%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.flatten().tolist()]


cases = []
for seed in [0, 1]:
    for name, make in LAYERS:
        torch.manual_seed(seed)
        layer = make()
        cases.append({
            "seed": seed,
            "layer": name,
            "weight_shape": list(layer.weight.shape),
            "weight": hex_values(layer.weight.detach()),
            "bias_shape": list(layer.bias.shape),
            "bias": hex_values(layer.bias.detach()),
        })

meta = {
    "torch": torch.__version__,
    "cpu_capability_in_use": torch.__config__.show().split("CPU capability usage: ")[1].split("\n")[0],
}
print(json.dumps({"meta": meta, "cases": cases}, indent=1))
