#!/usr/bin/python3
"""Turns JMH and PyTorch results into the tables of BENCHMARKS.md: values per second, ratios to
the baselines and to PyTorch, each target of issue 8 with its measured ratio.

    /usr/bin/python3 scripts/bench_report.py fill.json torch.json [compile.json]

fill.json is JMH's `-rf json` output of FillBenchmark, torch.json the --json output of
scripts/bench_torch.py, compile.json the json output of dev.kinit.benchmarks.CompileTime.
"""
import json
import sys

SIZES = (1024, 65536, 16777216)
LABELS = {1024: "1K", 65536: "64K", 16777216: "16M"}
FILL_ROWS = ("normal", "uniform", "normalParallel", "uniformParallel", "generatedNormal",
             "generatedUniform", "baselineRandomLoop", "baselineSplittableLoop", "baselineArraysFill")


def load_jmh(path):
    """{(method, params...): (score, error, unit, {secondary: score})}"""
    results = {}
    for run in json.load(open(path)):
        method = run["benchmark"].rsplit(".", 1)[1]
        params = run.get("params", {})
        key = (method,) + tuple(params[name] for name in sorted(params))
        metric = run["primaryMetric"]
        secondary = {name.lstrip("·"): value["score"]
                     for name, value in run.get("secondaryMetrics", {}).items()}
        results[key] = (metric["score"], metric["scoreError"], metric["scoreUnit"], secondary)
    return results


def fill_key(method, layout, size):
    return (method, layout, str(size))  # params sorted by name: layout, size


def rate(fills, method, layout, size):
    """Millions of values per second, from microseconds per fill."""
    entry = fills.get(fill_key(method, layout, size))
    return None if entry is None else size / entry[0]


def show(value, digits=0):
    return "—" if value is None else f"{value:,.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None else a / b


def main(fill_path, torch_path, compile_path=None):
    fills = load_jmh(fill_path)
    torch = {(r["fill"], r["size"]): r["size"] / r["us_per_op"]
             for r in json.load(open(torch_path))["results"]}

    print("### Fill rates, M values/s (JMH average time, converted)\n")
    for layout in ("flat", "nested"):
        print(f"| {layout} | " + " | ".join(LABELS[s] for s in SIZES) + " |")
        print("|---|" + "---:|" * len(SIZES))
        for method in FILL_ROWS:
            print(f"| {method} | " + " | ".join(show(rate(fills, method, layout, s)) for s in SIZES) + " |")
        print()
    print("| PyTorch 1.13, one thread | " + " | ".join(LABELS[s] for s in SIZES) + " |")
    print("|---|" + "---:|" * len(SIZES))
    for name in ("kaiming_normal_", "kaiming_uniform_"):
        print(f"| {name} | " + " | ".join(show(torch.get((name, s))) for s in SIZES) + " |")
    print()

    print("### Targets (16M elements)\n")
    print("| target | flat | nested | goal |")
    print("|---|---:|---:|---|")

    def row(label, goal, value):
        cells = [show(value(layout), 2) for layout in ("flat", "nested")]
        print(f"| {label} | {cells[0]} | {cells[1]} | {goal} |")

    big = 16777216
    row("normal, 1 thread / PyTorch kaiming_normal_", ">= 2",
        lambda l: ratio(rate(fills, "normal", l, big), torch.get(("kaiming_normal_", big))))
    row("normal, 1 thread / SplittableRandom loop", ">= 1.5",
        lambda l: ratio(rate(fills, "normal", l, big), rate(fills, "baselineSplittableLoop", l, big)))
    row("uniform, 1 thread / PyTorch kaiming_uniform_", ">= 4",
        lambda l: ratio(rate(fills, "uniform", l, big), torch.get(("kaiming_uniform_", big))))
    row("normal, all cores / 1 thread", ">= 1.8",
        lambda l: ratio(rate(fills, "normalParallel", l, big), rate(fills, "normal", l, big)))
    row("uniform, all cores / 1 thread", "(>= 1.8)",
        lambda l: ratio(rate(fills, "uniformParallel", l, big), rate(fills, "uniform", l, big)))
    for size in SIZES:
        for dist in ("normal", "uniform"):
            generated = "generated" + dist[0].upper() + dist[1:]
            row(f"{LABELS[size]} {dist}: generated initializer time / direct time − 1", "within ±0.02",
                lambda l: ratio(1 / rate(fills, generated, l, size), 1 / rate(fills, dist, l, size)) - 1
                if rate(fills, generated, l, size) and rate(fills, dist, l, size) else None)
    print()

    allocations = [(key, entry[3]["gc.alloc.rate.norm"]) for key, entry in fills.items()
                   if "gc.alloc.rate.norm" in entry[3]]
    if allocations:
        print("### Allocation per fill, bytes (JMH -prof gc, gc.alloc.rate.norm)\n")
        print("| benchmark | layout | " + " | ".join(LABELS[s] for s in SIZES) + " |")
        print("|---|---|" + "---:|" * len(SIZES))
        table = {key: value for key, value in allocations}
        for method in FILL_ROWS:
            for layout in ("flat", "nested"):
                cells = [show(table.get(fill_key(method, layout, s))) for s in SIZES]
                print(f"| {method} | {layout} | " + " | ".join(cells) + " |")
        print()

    if compile_path:
        compiles = {r["javac"]: r for r in json.load(open(compile_path))}
        plain = compiles["plain"]
        print("### Compile time of 200 classes / 1,000 @KaimingInit fields (javac in-process, medians)\n")
        print("| javac | wall ms | CPU ms | wall over plain | CPU over plain |")
        print("|---|---:|---:|---:|---:|")
        for variant, r in compiles.items():
            print(f"| {variant} | {r['wall_ms']:,.0f} | {r['cpu_ms']:,.0f} | "
                  f"{r['wall_ms'] / plain['wall_ms'] - 1:+.0%} | {r['cpu_ms'] / plain['cpu_ms'] - 1:+.0%} |")
        print()


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
