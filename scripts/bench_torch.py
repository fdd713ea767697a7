#!/usr/bin/python3
"""PyTorch's kaiming_normal_ / kaiming_uniform_ / trunc_normal_ on the weights of the JMH benchmarks, one thread.

Square float32 weights of 1K, 64K and 16M elements (sides 32, 256, 4096): kaiming_* with mode
fan_in, nonlinearity relu, as FillBenchmark times them in Java; trunc_normal_ with std 0.02 on
[-2, 2] (vision transformers) and with std 1 on [-2, 2] (two std), as TruncatedNormalBenchmark's
vit and twoStd. `--fills` and `--sides` pick some (names and sides as printed). Each measurement round calls the fill for about
`--round` seconds and records the mean time per call; the result is the mean and standard
deviation over `--rounds` rounds, after one warm-up round, and the best round (on a machine shared
with other work, the best round is the least disturbed). Needs Debian's python3-torch (PyTorch
1.13): run with /usr/bin/python3.

    /usr/bin/python3 scripts/bench_torch.py --json torch.json
"""
import argparse
import json
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


def mean_seconds_per_call(fill, weight, seconds):
    calls = 0
    start = time.perf_counter()
    while True:
        fill(weight)
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return elapsed / calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="measured rounds per fill and size")
    parser.add_argument("--round", type=float, default=1.0, help="seconds per round")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--fills", nargs="+", choices=sorted(FILLS), default=list(FILLS),
                        help="the fills to time (default: all)")
    parser.add_argument("--sides", nargs="+", type=int, choices=SIDES, default=list(SIDES),
                        help="the sides of the square weights (default: all)")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(0)
    results = []
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    print(f"{'fill':18} {'size':>9} {'us/op':>12} {'± sd':>9} {'M values/s':>11} {'best round':>11}")
    for side in args.sides:
        weight = torch.empty(side, side, dtype=torch.float32)
        size = side * side
        for name in args.fills:
            fill = FILLS[name]
            mean_seconds_per_call(fill, weight, args.round)  # warm-up
            times = [mean_seconds_per_call(fill, weight, args.round) * 1e6 for _ in range(args.rounds)]
            mean = statistics.mean(times)
            sd = statistics.stdev(times) if len(times) > 1 else 0.0
            best = min(times)
            results.append({"fill": name, "size": size, "us_per_op": mean, "sd": sd, "best_us_per_op": best})
            print(f"{name:18} {size:>9} {mean:>12.2f} {sd:>9.2f} {size / mean:>11.1f} {size / best:>11.1f}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"torch": torch.__version__, "threads": torch.get_num_threads(),
                       "results": results}, out, indent=2)


if __name__ == "__main__":
    main()
