#!/usr/bin/python3
"""Turns JMH and PyTorch results into the tables of BENCHMARKS.md: values per second, ratios to
the baselines and to PyTorch, each target of issue 8 with its measured ratio.

    /usr/bin/python3 scripts/bench_report.py fill.json torch.json [compile.json]

fill.json is JMH's `-rf json` output of FillBenchmark, torch.json the --json output of
scripts/bench_torch.py, compile.json the json output of dev.kinit.benchmarks.CompileTime.

Every table comes twice: from the mean (JMH's score, PyTorch's mean of rounds) and from the best
iteration (PyTorch's best round). On a machine shared with other work the mean includes the time
other processes took; the best iteration is the least disturbed one.
"""
import json
import sys

SIZES = (1024, 65536, 16777216)
LABELS = {1024: "1K", 65536: "64K", 16777216: "16M"}
BIG = 16777216
FILL_ROWS = ("normal", "uniform", "normalParallel", "uniformParallel", "generatedNormal",
             "generatedUniform", "baselineRandomLoop", "baselineSplittableLoop", "baselineArraysFill")


def load_jmh(path):
    """{(method, layout, size): (mean us/op, best iteration us/op, {secondary metric: score})}"""
    results = {}
    for run in json.load(open(path)):
        method = run["benchmark"].rsplit(".", 1)[1]
        params = run["params"]
        metric = run["primaryMetric"]
        best = min(value for fork in metric["rawData"] for value in fork)
        secondary = {name.lstrip("·"): value["score"]
                     for name, value in run.get("secondaryMetrics", {}).items()}
        results[(method, params["layout"], int(params["size"]))] = (metric["score"], best, secondary)
    return results


def show(value, digits=0):
    return "—" if value is None else f"{value:,.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None else a / b


def print_rates(fills, torch, best):
    def rate(method, layout, size):
        """Millions of values per second, from microseconds per fill."""
        entry = fills.get((method, layout, size))
        return None if entry is None else size / entry[1 if best else 0]

    print("### Fill rates, M values/s\n")
    for layout in ("flat", "nested"):
        print(f"| {layout} | " + " | ".join(LABELS[s] for s in SIZES) + " |")
        print("|---|" + "---:|" * len(SIZES))
        for method in FILL_ROWS:
            print(f"| {method} | " + " | ".join(show(rate(method, layout, s)) for s in SIZES) + " |")
        print()
    print("| PyTorch 1.13, one thread | " + " | ".join(LABELS[s] for s in SIZES) + " |")
    print("|---|" + "---:|" * len(SIZES))
    for name in ("kaiming_normal_", "kaiming_uniform_"):
        print(f"| {name} | " + " | ".join(show(torch.get((name, s))) for s in SIZES) + " |")
    print()

    print("### Targets\n")
    print("| target | flat | nested | goal |")
    print("|---|---:|---:|---|")

    def row(label, goal, value):
        cells = [show(value(layout), 2) for layout in ("flat", "nested")]
        print(f"| {label} | {cells[0]} | {cells[1]} | {goal} |")

    row("16M normal, 1 thread / PyTorch kaiming_normal_", ">= 2",
        lambda l: ratio(rate("normal", l, BIG), torch.get(("kaiming_normal_", BIG))))
    row("16M normal, 1 thread / SplittableRandom loop", ">= 1.5",
        lambda l: ratio(rate("normal", l, BIG), rate("baselineSplittableLoop", l, BIG)))
    row("16M uniform, 1 thread / PyTorch kaiming_uniform_", ">= 4",
        lambda l: ratio(rate("uniform", l, BIG), torch.get(("kaiming_uniform_", BIG))))
    row("16M normal, all cores / 1 thread", ">= 1.8",
        lambda l: ratio(rate("normalParallel", l, BIG), rate("normal", l, BIG)))
    row("16M uniform, all cores / 1 thread", ">= 1.8",
        lambda l: ratio(rate("uniformParallel", l, BIG), rate("uniform", l, BIG)))
    for size in SIZES:
        for dist in ("normal", "uniform"):
            generated = "generated" + dist[0].upper() + dist[1:]
            row(f"{LABELS[size]} {dist}: generated initializer / direct, time − 1", "within ±0.02",
                lambda l: None if rate(generated, l, size) is None or rate(dist, l, size) is None
                else rate(dist, l, size) / rate(generated, l, size) - 1)
    print()


def print_allocations(fills):
    table = {key: entry[2]["gc.alloc.rate.norm"] for key, entry in fills.items()
             if "gc.alloc.rate.norm" in entry[2]}
    if not table:
        return
    print("### Allocation per fill, bytes (JMH -prof gc, gc.alloc.rate.norm)\n")
    print("| benchmark | layout | " + " | ".join(LABELS[s] for s in SIZES) + " |")
    print("|---|---|" + "---:|" * len(SIZES))
    for method in FILL_ROWS:
        for layout in ("flat", "nested"):
            cells = [show(table.get((method, layout, s))) for s in SIZES]
            print(f"| {method} | {layout} | " + " | ".join(cells) + " |")
    print()


def print_compiles(compile_path):
    compiles = {r["javac"]: r for r in json.load(open(compile_path))}
    plain = compiles["plain"]
    print("### Compile time of 200 classes / 1,000 @KaimingInit fields (javac in-process, medians)\n")
    print("| javac | wall ms | CPU ms | wall over plain | CPU over plain |")
    print("|---|---:|---:|---:|---:|")
    for variant, r in compiles.items():
        print(f"| {variant} | {r['wall_ms']:,.0f} | {r['cpu_ms']:,.0f} | "
              f"{r['wall_ms'] / plain['wall_ms'] - 1:+.0%} | {r['cpu_ms'] / plain['cpu_ms'] - 1:+.0%} |")
    print()


def main(fill_path, torch_path, compile_path=None):
    fills = load_jmh(fill_path)
    torch_results = json.load(open(torch_path))["results"]
    for best, title in ((False, "the mean (JMH score; PyTorch: mean of rounds)"),
                        (True, "the best iteration (PyTorch: best round)")):
        field = "best_us_per_op" if best else "us_per_op"
        torch = {(r["fill"], r["size"]): r["size"] / r[field] for r in torch_results}
        print(f"## By {title}\n")
        print_rates(fills, torch, best)
    print_allocations(fills)
    if compile_path:
        print_compiles(compile_path)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
