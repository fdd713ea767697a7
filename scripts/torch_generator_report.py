#!/usr/bin/python3
"""Turns TorchGenerator and PyTorch results into the TorchGenerator tables of BENCHMARKS.md: values
per second, the time against PyTorch's (issue 14: within 1.5x), and against an earlier run.

    /usr/bin/python3 scripts/torch_generator_report.py after.json torch.json [before.json]
    /usr/bin/python3 scripts/torch_generator_report.py --cpu after-cpu.json torch-cpu.json [before-cpu.json]

Wall time: after.json and before.json are JMH's `-rf json` output of TorchGeneratorBenchmark
(before: the same benchmark on an earlier commit), torch.json the --json output of
scripts/bench_torch.py; every table comes from the mean (JMH's score, PyTorch's mean of rounds) and
from the best iteration (PyTorch's best round). CPU time (--cpu): the json output of
TorchGeneratorRounds and of scripts/bench_torch.py --clock cpu; medians, and the best rounds.
On a machine shared with other work the best is the least disturbed.
"""
import json
import sys

from bench_report import load_jmh, show

SIZES = (1024, 65536, 1048576, 16777216)
LABELS = {1024: "1K", 65536: "64K", 1048576: "1M", 16777216: "16M"}

ROWS = (("torchNormal", "kaiming_normal_"), ("torchNormalAllCores", "kaiming_normal_"),
        ("torchUniform", "kaiming_uniform_"))


def main(after_path, torch_path, before_path=None):
    after = load_jmh(after_path)
    before = load_jmh(before_path) if before_path else {}
    torch_results = json.load(open(torch_path))["results"]
    for best in (False, True):
        field = "best_us_per_op" if best else "us_per_op"
        torch = {(r["fill"], r["size"]): r[field] for r in torch_results}
        print(f"### From the {'best iteration' if best else 'mean'}\n")
        print("| benchmark | layout | size | M values/s | time / PyTorch's | before, M values/s | speed-up |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for method, torch_fill in ROWS:
            for layout in ("flat", "nested"):
                for size in SIZES:
                    entry = after.get((method, layout, size))
                    if entry is None:
                        continue
                    us = entry[1 if best else 0]
                    old = before.get((method if method != "torchNormalAllCores" else "torchNormal",
                                      layout, size))
                    old_us = None if old is None else old[1 if best else 0]
                    torch_us = torch.get((torch_fill, size))
                    print(f"| {method} | {layout} | {LABELS[size]} | {show(size / us)} | "
                          f"{show(None if torch_us is None else us / torch_us, 2)} | "
                          f"{show(None if old_us is None else size / old_us)} | "
                          f"{show(None if old_us is None else old_us / us, 1)}x |")
        print()
        print("| PyTorch 1.13, one thread | " + " | ".join(LABELS[s] for s in SIZES) + " |")
        print("|---|" + "---:|" * len(SIZES))
        for name in ("kaiming_normal_", "kaiming_uniform_"):
            print(f"| {name}, M values/s | "
                  + " | ".join(show(None if (name, s) not in torch else s / torch[(name, s)])
                               for s in SIZES) + " |")
        print()
    allocations = [(key, entry[2]["gc.alloc.rate.norm"]) for key, entry in sorted(after.items())
                   if "gc.alloc.rate.norm" in entry[2]]
    if allocations:
        print("### Allocation per fill, bytes (JMH -prof gc, gc.alloc.rate.norm)\n")
        print("| benchmark | layout | size | bytes |")
        print("|---|---|---:|---:|")
        for (method, layout, size), alloc in allocations:
            print(f"| {method} | {layout} | {LABELS[size]} | {show(alloc)} |")
        print()


def main_cpu(after_path, torch_path, before_path=None):
    def load(path):
        return {(r["fill"], r["layout"], r["size"]): r for r in json.load(open(path))["results"]}

    after = load(after_path)
    before = load(before_path) if before_path else {}
    torch_results = json.load(open(torch_path))
    if torch_results.get("clock") != "cpu":
        sys.exit(f"{torch_path}: not measured with --clock cpu")
    for best in (False, True):
        key = "best_ms" if best else "median_ms"
        torch = {(r["fill"], r["size"]): r["best_us_per_op" if best else "us_per_op"] / 1e3
                 for r in torch_results["results"]}
        print(f"### Thread CPU time, {'best round' if best else 'median'}\n")
        print("| fill | layout | size | M values/s | time / PyTorch's | before, M values/s | speed-up |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for (fill, layout, size), r in sorted(after.items(), key=lambda e: (e[0][2], e[0][0], e[0][1])):
            torch_ms = torch.get(("kaiming_normal_" if fill == "torchNormal" else "kaiming_uniform_", size))
            old = before.get((fill, layout, size))
            print(f"| {fill} | {layout} | {LABELS[size]} | {show(size / r[key] / 1e3)} | "
                  f"{show(None if torch_ms is None else r[key] / torch_ms, 2)} | "
                  f"{show(None if old is None else size / old[key] / 1e3)} | "
                  f"{show(None if old is None else old[key] / r[key], 1)}x |")
        print()
        print("| PyTorch 1.13, one thread | " + " | ".join(LABELS[s] for s in SIZES) + " |")
        print("|---|" + "---:|" * len(SIZES))
        for name in ("kaiming_normal_", "kaiming_uniform_"):
            print(f"| {name}, M values/s | "
                  + " | ".join(show(None if (name, s) not in torch else s / torch[(name, s)] / 1e3)
                               for s in SIZES) + " |")
        print()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    cpu = arguments[:1] == ["--cpu"]
    if cpu:
        arguments = arguments[1:]
    if len(arguments) not in (2, 3):
        sys.exit(__doc__)
    (main_cpu if cpu else main)(*arguments)
