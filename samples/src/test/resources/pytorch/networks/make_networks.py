#!/usr/bin/python3
"""Writes the initial parameters of whole PyTorch networks after torch.manual_seed(seed).

Run with Debian's PyTorch 1.13.1 and torchvision 0.14.1 (apt-get install python3-torch
python3-torchvision), one thread, on an x86-64 CPU with AVX2:
    /usr/bin/python3 make_networks.py OUTDIR            # resnet18.json, gpt-mini.json
    /usr/bin/python3 make_networks.py OUTDIR --extra    # the other architectures and seeds
For each network and seed: torch.manual_seed(seed), build the model exactly as below (so that every
module's construction-time default runs first, then the model's own scheme), and record each
parameter in named_parameters() order (tied parameters once, under their first name): shape,
SHA-256 of its float32 little-endian bytes, its first and last 8 values as IEEE-754 hex, and the sum
as a double. GPT parameters of at most 4,096 elements also carry every value.
"""
import hashlib, json, math, os, struct, sys
import torch
import torch.nn as nn
import torchvision

out = sys.argv[1]
extra = "--extra" in sys.argv
os.makedirs(out, exist_ok=True)
torch.set_num_threads(1)
meta = {"torch": torch.__version__, "torchvision": torchvision.__version__,
        "cpu_capability_in_use": torch.__config__.show().split("CPU capability usage: ")[1].split("\n")[0]}


def hexes(values):
    return ["%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in values]


# A nanoGPT-style GPT (the model.py of karpathy/nanoGPT, bias=True, dropout 0), as a module tree:
# dev.kinit.samples.models.Gpt and its modules.
class LayerNorm(nn.Module):
    def __init__(self, ndim):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(ndim))
        self.bias = nn.Parameter(torch.zeros(ndim))


class CausalSelfAttention(nn.Module):
    def __init__(self, n_embd):
        super().__init__()
        self.c_attn = nn.Linear(n_embd, 3 * n_embd)
        self.c_proj = nn.Linear(n_embd, n_embd)


class MLP(nn.Module):
    def __init__(self, n_embd):
        super().__init__()
        self.c_fc = nn.Linear(n_embd, 4 * n_embd)
        self.c_proj = nn.Linear(4 * n_embd, n_embd)


class Block(nn.Module):
    def __init__(self, n_embd):
        super().__init__()
        self.ln_1 = LayerNorm(n_embd)
        self.attn = CausalSelfAttention(n_embd)
        self.ln_2 = LayerNorm(n_embd)
        self.mlp = MLP(n_embd)


class GPT(nn.Module):
    def __init__(self, vocab_size, block_size, n_layer, n_embd):
        super().__init__()
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(vocab_size, n_embd),
            wpe=nn.Embedding(block_size, n_embd),
            h=nn.ModuleList([Block(n_embd) for _ in range(n_layer)]),
            ln_f=LayerNorm(n_embd)))
        self.lm_head = nn.Linear(n_embd, vocab_size, bias=False)
        self.transformer.wte.weight = self.lm_head.weight  # weight tying
        self.apply(self._init_weights)
        for pn, p in self.named_parameters():
            if pn.endswith("c_proj.weight"):
                torch.nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * n_layer))

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)


M = torchvision.models
if not extra:
    cases = [("resnet18", lambda: M.resnet18(), [0, 42]),
             ("gpt-mini", lambda: GPT(vocab_size=65, block_size=32, n_layer=2, n_embd=48), [0, 42])]
else:
    cases = [("resnet18-more-seeds", lambda: M.resnet18(), [1, 2**32 + 9]),
             ("resnet34-zero-init-residual", lambda: M.resnet34(zero_init_residual=True), [11]),
             ("resnet50", lambda: M.resnet50(), [12]),
             ("vgg11_bn", lambda: M.vgg11_bn(), [13]),
             ("gpt-small4", lambda: GPT(vocab_size=101, block_size=24, n_layer=4, n_embd=64), [14, 15]),
             ("gpt-deep6", lambda: GPT(vocab_size=37, block_size=8, n_layer=6, n_embd=32), [16]),
             ("mobilenet_v2", lambda: M.mobilenet_v2(), [17]),
             ("efficientnet_b0", lambda: M.efficientnet_b0(), [18]),
             ("densenet121", lambda: M.densenet121(), [19])]

for name, make, seeds in cases:
    runs = []
    for seed in seeds:
        torch.manual_seed(seed)
        model = make()
        params = []
        for pname, p in model.named_parameters():
            flat = p.detach().contiguous().reshape(-1)
            raw = flat.numpy().astype("<f4").tobytes()
            entry = {"name": pname, "shape": list(p.shape), "sha256": hashlib.sha256(raw).hexdigest(),
                     "first": hexes(flat[:8].tolist()), "last": hexes(flat[-8:].tolist()),
                     "sum": float(flat.double().sum())}
            if flat.numel() <= 4096 and name.startswith("gpt"):
                entry["values"] = hexes(flat.tolist())
            params.append(entry)
        runs.append({"seed": seed, "parameters": params,
                     "count": sum(math.prod(e["shape"]) for e in params)})
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump({"meta": meta, "network": name, "runs": runs}, f, indent=1)
    print(name, [r["count"] for r in runs])
