"""Writes ported_net.json: the initial parameters of a small PyTorch network after manual_seed.

Run with Debian's PyTorch 1.13 (apt-get install python3-torch), one thread, AVX2 kernels:
    /usr/bin/python3 make_ported_net.py > ported_net.json
Every float32 is written as its IEEE-754 bit pattern (8 hex digits) so comparisons are exact.
"""
import json
import struct

import torch
from torch import nn


def bits(tensor):
    return ["%08x" % struct.unpack("<I", struct.pack("<f", v))[0]
            for v in tensor.detach().reshape(-1).tolist()]


def ported_net():
    # The same modules, created in the same order, as dev.kinit.samples.pytorch.PortedNet.
    return nn.ModuleDict({
        "conv": nn.Conv2d(1, 4, 3),
        "fc1": nn.Linear(4 * 6 * 6, 16),
        "fc2": nn.Linear(16, 10),
    })


torch.set_num_threads(1)
cases = []
for seed in (0, 42):
    torch.manual_seed(seed)
    net = ported_net()
    cases.append({
        "seed": seed,
        "parameters": {name: {"shape": list(p.shape), "values": bits(p)}
                       for name, p in net.named_parameters()},
    })
# torch 1.13 does not report its kernel build; on an x86-64 CPU with AVX2 it uses the AVX2 one.
print(json.dumps({"meta": {"torch": torch.__version__, "kernels": "AVX2"}, "cases": cases},
                 indent=1))
