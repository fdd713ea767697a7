#!/usr/bin/python3
"""PyTorch's kaiming_normal_ / kaiming_uniform_ / trunc_normal_ on the weights of the JMH benchmarks, one thread.

Square float32 weights of 1K, 64K and 16M elements (sides 32, 256, 4096): kaiming_* with mode
fan_in, nonlinearity relu, as FillBenchmark times them in Java; trunc_normal_ with std 0.02 on
[-2, 2] (vision transformers) and with std 1 on [-2, 2] (two std), as TruncatedNormalBenchmark's
vit and twoStd. `--fills` and `--sides` pick some (names and sides as printed). Each measurement round calls the fill for about
`--round` seconds and records the mean time per call; the result is the mean and standard
deviation over `--rounds` rounds, after one warm-up round, and the best round (on a machine shared
with other work, the best round is the least disturbed). `--sides` picks other sizes, `--clock cpu`
times the CPU time of the calling thread instead of wall time (as TorchGeneratorRounds does in
Java), `--gpt2` times the fills of building and initialising GPT-2 small (Gpt2SmallFills). Needs Debian's python3-torch (PyTorch 1.13): run with /usr/bin/python3.

    /usr/bin/python3 scripts/bench_torch.py --json torch.json
"""
import argparse
import json
import math
import statistics
import time

import torch

SIDES = (32, 256, 4096)
FILLS = {
    "kaiming_normal_": lambda w: torch.nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu"),
    "kaiming_uniform_": lambda w: torch.nn.init.kaiming_uniform_(w, mode="fan_in", nonlinearity="relu"),
    "trunc_normal_": lambda w: torch.nn.init.trunc_normal_(w, mean=0.0, std=0.02, a=-2.0, b=2.0),
    "trunc_normal_2std": lambda w: torch.nn.init.trunc_normal_(w, mean=0.0, std=1.0, a=-2.0, b=2.0),
}


CLOCKS = {"wall": time.perf_counter, "cpu": time.thread_time}

# GPT-2 small as nanoGPT builds it: 12 layers, width 768, vocabulary 50,257, context 1,024, biases.
LAYERS, WIDTH, VOCABULARY, CONTEXT = 12, 768, 50257, 1024
BLOCK_LINEARS = [(WIDTH, 3 * WIDTH), (WIDTH, WIDTH), (WIDTH, 4 * WIDTH), (4 * WIDTH, WIDTH)]


def gpt2_parameters():
    """The tensors of GPT-2 small that get random values (LayerNorms left out), and a dropped one."""
    return {
        "constructed_wte": torch.empty(VOCABULARY, WIDTH),
        "tied_wte": torch.empty(VOCABULARY, WIDTH),
        "wpe": torch.empty(CONTEXT, WIDTH),
        "linears": [[(torch.empty(out, inp), torch.empty(out)) for inp, out in BLOCK_LINEARS]
                    for _ in range(LAYERS)],
    }


def gpt2_fills(p):
    """The fills of building and initialising nanoGPT's GPT-2 small, in PyTorch's order (the same
    calls as benchmarks/.../Gpt2SmallFills.java): each module's default init, then
    apply(_init_weights), then the scaled c_proj weights."""
    with torch.no_grad():
        p["constructed_wte"].normal_(0, 1)               # nn.Embedding
        p["wpe"].normal_(0, 1)
        for block in p["linears"]:
            for weight, bias in block:                   # nn.Linear.reset_parameters
                torch.nn.init.kaiming_uniform_(weight, a=math.sqrt(5))
                bound = 1 / math.sqrt(weight.shape[1])
                torch.nn.init.uniform_(bias, -bound, bound)
        torch.nn.init.kaiming_uniform_(p["tied_wte"], a=math.sqrt(5))   # lm_head, then tied
        p["tied_wte"].normal_(0, 0.02)                   # apply(_init_weights): wte, wpe, blocks
        p["wpe"].normal_(0, 0.02)
        for block in p["linears"]:
            for weight, bias in block:
                weight.normal_(0, 0.02)
                bias.zero_()
        p["tied_wte"].normal_(0, 0.02)                   # lm_head: the tied weight again
        for block in p["linears"]:
            block[1][0].normal_(0, 0.02 / math.sqrt(2 * LAYERS))   # attn.c_proj.weight
            block[3][0].normal_(0, 0.02 / math.sqrt(2 * LAYERS))   # mlp.c_proj.weight


def mean_seconds_per_call(fill, weight, seconds, clock):
    calls = 0
    start = clock()
    while True:
        fill(weight)
        calls += 1
        elapsed = clock() - start
        if elapsed >= seconds:
            return elapsed / calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="measured rounds per fill and size")
    parser.add_argument("--round", type=float, default=1.0, help="seconds per round")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--fills", nargs="+", choices=sorted(FILLS), default=list(FILLS),
                        help="the fills to time (default: all)")
    parser.add_argument("--sides", type=int, nargs="+", default=list(SIDES),
                        help="sides of the square weights (default: %(default)s)")
    parser.add_argument("--gpt2", action="store_true",
                        help="time the fills of building and initialising GPT-2 small instead")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="wall time, or the CPU time of the calling thread, which PyTorch fills"
                             " on with one thread and which other processes disturb least")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(0)
    results = []
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, {args.clock} time")
    if args.gpt2:
        clock = CLOCKS[args.clock]
        p = gpt2_parameters()
        size = (VOCABULARY + CONTEXT) * WIDTH + LAYERS * sum(i * o + o for i, o in BLOCK_LINEARS)
        times = []
        for r in range(2 + args.rounds):             # two warm-up calls
            start = clock()
            gpt2_fills(p)
            if r >= 2:
                times.append((clock() - start) * 1e3)
        median, best = statistics.median(times), min(times)
        print(f"gpt2 small fills, {size:,} parameters: median {median:.1f} ms, best {best:.1f} ms"
              f" ({size / median / 1e3:.1f} / {size / best / 1e3:.1f} M values/s)")
        if args.json:
            with open(args.json, "w") as out:
                json.dump({"torch": torch.__version__, "threads": torch.get_num_threads(),
                           "clock": args.clock, "gpt2": {"size": size, "ms": times}}, out, indent=2)
        return
    print(f"{'fill':18} {'size':>9} {'us/op':>12} {'± sd':>9} {'M values/s':>11} {'best round':>11}")
    for side in args.sides:
        weight = torch.empty(side, side, dtype=torch.float32)
        size = side * side
        for name in args.fills:
            fill = FILLS[name]
            clock = CLOCKS[args.clock]
            mean_seconds_per_call(fill, weight, args.round, clock)  # warm-up
            times = [mean_seconds_per_call(fill, weight, args.round, clock) * 1e6
                     for _ in range(args.rounds)]
            mean = statistics.mean(times)
            sd = statistics.stdev(times) if len(times) > 1 else 0.0
            best = min(times)
            results.append({"fill": name, "size": size, "us_per_op": mean, "sd": sd, "best_us_per_op": best})
            print(f"{name:18} {size:>9} {mean:>12.2f} {sd:>9.2f} {size / mean:>11.1f} {size / best:>11.1f}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"torch": torch.__version__, "threads": torch.get_num_threads(),
                       "clock": args.clock, "results": results}, out, indent=2)


if __name__ == "__main__":
    main()
