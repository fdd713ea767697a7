#!/usr/bin/python3
"""PyTorch constructing nanoGPT's GPT(config) for GPT-2 small, one thread: what Gpt2NetworkBenchmark times in Java.

The model is nanoGPT's (github.com/karpathy/nanoGPT, model.py, MIT licence), its constructors
copied below without the forward passes (not timed) and without the print of the parameter count:
GPTConfig(vocab_size=50257, block_size=1024, n_layer=12, n_head=12, n_embd=768, bias=True), 124.4M
parameters. Each call of GPT(config) allocates the parameters, runs every module's default
initialisation, then `apply(_init_weights)` and the scaled `c_proj.weight` init. On PyTorch 1.13
(no scaled_dot_product_attention) nanoGPT's attention also registers a causal mask buffer
(tril of ones, 1024 x 1024, per layer); it is not a parameter and kinit's port has none:
`--no-mask` leaves it out, for the time of the parameters alone.

Each round is one GPT(config), after two warm-up calls; prints the median and best of `--rounds`.
`--clock cpu` times the calling thread's CPU time (PyTorch works on it with one thread).
Needs Debian's python3-torch (PyTorch 1.13): run with /usr/bin/python3.

    /usr/bin/python3 scripts/bench_gpt2.py --rounds 10
"""
import argparse
import json
import math
import statistics
import time
from dataclasses import dataclass

import torch
import torch.nn as nn

MASK = True


class LayerNorm(nn.Module):
    def __init__(self, ndim, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(ndim))
        self.bias = nn.Parameter(torch.zeros(ndim)) if bias else None


class CausalSelfAttention(nn.Module):
    def __init__(self, config):
        super().__init__()
        assert config.n_embd % config.n_head == 0
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd, bias=config.bias)
        self.c_proj = nn.Linear(config.n_embd, config.n_embd, bias=config.bias)
        self.attn_dropout = nn.Dropout(config.dropout)
        self.resid_dropout = nn.Dropout(config.dropout)
        self.n_head = config.n_head
        self.n_embd = config.n_embd
        self.dropout = config.dropout
        self.flash = hasattr(torch.nn.functional, 'scaled_dot_product_attention')
        if not self.flash and MASK:
            self.register_buffer("bias", torch.tril(torch.ones(config.block_size, config.block_size))
                                 .view(1, 1, config.block_size, config.block_size))


class MLP(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.c_fc = nn.Linear(config.n_embd, 4 * config.n_embd, bias=config.bias)
        self.gelu = nn.GELU()
        self.c_proj = nn.Linear(4 * config.n_embd, config.n_embd, bias=config.bias)
        self.dropout = nn.Dropout(config.dropout)


class Block(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.ln_1 = LayerNorm(config.n_embd, bias=config.bias)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = LayerNorm(config.n_embd, bias=config.bias)
        self.mlp = MLP(config)


@dataclass
class GPTConfig:
    block_size: int = 1024
    vocab_size: int = 50304
    n_layer: int = 12
    n_head: int = 12
    n_embd: int = 768
    dropout: float = 0.0
    bias: bool = True


class GPT(nn.Module):
    def __init__(self, config):
        super().__init__()
        assert config.vocab_size is not None
        assert config.block_size is not None
        self.config = config

        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(config.vocab_size, config.n_embd),
            wpe=nn.Embedding(config.block_size, config.n_embd),
            drop=nn.Dropout(config.dropout),
            h=nn.ModuleList([Block(config) for _ in range(config.n_layer)]),
            ln_f=LayerNorm(config.n_embd, bias=config.bias),
        ))
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
        self.transformer.wte.weight = self.lm_head.weight

        self.apply(self._init_weights)
        for pn, p in self.named_parameters():
            if pn.endswith('c_proj.weight'):
                torch.nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * config.n_layer))

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)


CLOCKS = {"wall": time.perf_counter, "cpu": time.thread_time}
GPT2_SMALL = GPTConfig(vocab_size=50257, block_size=1024, n_layer=12, n_head=12, n_embd=768)


def main():
    global MASK
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="measured calls")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    parser.add_argument("--no-mask", action="store_true",
                        help="leave out the attention's causal mask buffer (not a parameter)")
    parser.add_argument("--json", help="also write the times to this file")
    args = parser.parse_args()
    MASK = not args.no_mask

    torch.set_num_threads(1)
    torch.manual_seed(0)
    clock = CLOCKS[args.clock]
    times = []
    for r in range(2 + args.rounds):
        start = clock()
        model = GPT(GPT2_SMALL)
        elapsed = (clock() - start) * 1e3
        if r >= 2:
            times.append(elapsed)
        size = sum(p.numel() for p in model.parameters())
        del model
    median, best = statistics.median(times), min(times)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, {args.clock} time, "
          f"mask {'yes' if MASK else 'no'}: GPT(config), {size:,} parameters: "
          f"median {median:.1f} ms, best {best:.1f} ms, all {' '.join(f'{t:.0f}' for t in times)}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"torch": torch.__version__, "threads": torch.get_num_threads(),
                       "clock": args.clock, "mask": MASK, "parameters": size, "ms": times},
                      out, indent=2)


if __name__ == "__main__":
    main()
