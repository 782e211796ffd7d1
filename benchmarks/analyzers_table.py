"""Turns benchmarks/analyzers.sh's build logs into the markdown table of docs/performance.md (Roslyn analyzers)."""
import os
import platform
import re
import statistics
import sys

logs, runs, generated, profile = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
kinds = sys.argv[5].split() if len(sys.argv) > 5 else ["baseline", "ours"]
before = sys.argv[6] if len(sys.argv) > 6 else ""
ours_kinds = [k for k in kinds if k != "baseline"]
kind_label = {"ours": "ours (this tree)", "before": f"ours at {before}"}
OUR_ASSEMBLY = "Shipshape.Analyzers,"

def parse(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    csc = re.search(r"^\s*(\d+) ms\s+Csc\s", text, re.M)
    total = re.search(r"Total analyzer execution time: ([\d.]+) seconds", text)
    ours = re.search(r"^\s*(<?[\d.]+)\s+(<?\d+)\s+" + re.escape(OUR_ASSEMBLY), text, re.M)
    analyzers = {}
    if ours:
        # The lines after our assembly's line, up to the blank line, are its analyzers.
        for line in text[ours.end():].splitlines()[1:]:
            m = re.match(r"^\s*(<?[\d.]+)\s+(<?\d+)\s+Shipshape\.Analyzers\.(\w+)", line)
            if not m:
                break
            analyzers[m.group(3)] = seconds(m.group(1))
    wall, user, system = (float(x) for x in open(path[:-4] + ".time").read().split()[-3:])
    return dict(
        wall=wall,
        cpu=user + system,
        csc=int(csc.group(1)) / 1000.0 if csc else None,
        analyzers_total=float(total.group(1)) if total else 0.0,
        ours=seconds(ours.group(1)) if ours else 0.0,
        per_analyzer=analyzers,
    )

def seconds(value):
    return 0.0005 if value.startswith("<") else float(value)

def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")

m = re.match(r"(\d+) C# files, (\d+) constructs", open(generated).read())
files, constructs = int(m.group(1)), int(m.group(2))

print(f"Generated app: {files} C# files, {constructs} constructs (Amazon.CDK.Lib 2.160.0). "
      f"Median of {runs} recompiling `dotnet build` runs of each kind, alternating; the compiler server's first build "
      f"after it starts (a fresh server for each), its steady state (one server per kind, kept, its first build excluded), "
      f"and no server (a fresh compiler process each build); "
      f"machine: {platform.platform()}, {os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}.")
print()
modes = (("first", "server, first build"), ("server", "server, steady"), ("noserver", "no server"))
data = {(mode, kind): [parse(os.path.join(logs, f"{mode}-{kind}-{n}.log")) for n in range(1, runs + 1)] for mode, _ in modes for kind in kinds}

def ms(seconds_value):
    return f"{seconds_value * 1000:.0f} ms"

def med(mode, kind, key):
    return median(r[key] for r in data[(mode, kind)])

print("Builds (wall time of `dotnet build --no-restore`; Csc is the compiler task's time; CPU is user + system of the build's "
      "processes, which include the compiler only without the server; Δ against the baseline build):")
print()
print("| Compiler | Analyzers | Build | Δ | Csc | Δ | CPU | Δ |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for mode, label in modes:
    for kind in kinds:
        wall, csc, cpu = med(mode, kind, "wall"), med(mode, kind, "csc"), med(mode, kind, "cpu")
        b_wall, b_csc, b_cpu = med(mode, "baseline", "wall"), med(mode, "baseline", "csc"), med(mode, "baseline", "cpu")
        name = "SDK's only (baseline)" if kind == "baseline" else kind_label[kind]
        delta = lambda v, b: "–" if kind == "baseline" else f"{v - b:+.2f} s"
        cpu_cells = f"{cpu:.2f} s | {delta(cpu, b_cpu)}" if mode == "noserver" else "– | –"
        print(f"| {label} | {name} | {wall:.2f} s | {delta(wall, b_wall)} | {csc:.2f} s | {delta(csc, b_csc)} | {cpu_cells} |")
print()
print("Analyzer time as the compiler reports it (`-p:ReportAnalyzer=true`). *Reported* is the time charged to our assembly. "
      "The first analyzer to touch the compilation's references pays for loading them, which the SDK's "
      "own analyzers pay in the baseline build: *added* is the growth of all analyzers' time (ours + the SDK's) over the "
      "baseline, the cost our analyzers really add. Ratios are to the build with ours; per file: over the app's C# files.")
print()
print("| Compiler | Analyzers | All analyzers | Ours reported | ÷ build | ÷ Csc | per file | Ours added | ÷ build | ÷ Csc | per file |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
per_analyzer = {}
for mode, label in modes:
    b_all = med(mode, "baseline", "analyzers_total")
    print(f"| {label} | SDK's only (baseline) | {ms(b_all)} | – | – | – | – | – | – | – | – |")
    for kind in ours_kinds:
        wall, csc, all_ = med(mode, kind, "wall"), med(mode, kind, "csc"), med(mode, kind, "analyzers_total")
        reported = med(mode, kind, "ours")
        added = all_ - b_all
        print(f"| {label} | {kind_label[kind]} | {ms(all_)} | {ms(reported)} | {reported / wall:.1%} | {reported / csc:.1%} | {reported * 1000 / files:.2f} ms "
              f"| {added * 1000:+.0f} ms | {added / wall:.1%} | {added / csc:.1%} | {added * 1000 / files:.2f} ms |")
        for r in data[(mode, kind)]:
            for name in r["per_analyzer"]:
                per_analyzer.setdefault(name, {})
        for name in per_analyzer:
            per_analyzer[name][(label, kind)] = median(r["per_analyzer"].get(name, 0.0) for r in data[(mode, kind)])
print()
print("Our analyzers one by one (median reported time):")
print()
columns = [(label, kind) for _, label in modes for kind in ours_kinds]
print("| Analyzer | " + " | ".join(f"{label}, {kind_label[kind]}" for label, kind in columns) + " |")
print("|---|" + "---:|" * len(columns))
for name in sorted(per_analyzer):
    cells = []
    for column in columns:
        value = per_analyzer[name].get(column)
        cells.append("–" if value is None else ("< 1 ms" if value < 0.001 else f"{value * 1000:.0f} ms"))
    print(f"| {name} | " + " | ".join(cells) + " |")
print()
print("Each build in order (all analyzers' time, and ours in brackets, as the compiler reports it). The steady server's first "
      "build (\"w\", excluded from the medians above) loads and JIT-compiles our analyzers as any fresh compiler process does; "
      "later builds reuse them, and the runtime's tiered JIT goes on optimising hot code (ours and the SDK's) over the first "
      "builds:")
print()
warmups = {kind: os.path.join(logs, f"server-{kind}-warmup.log") for kind in kinds}
print("| Compiler | Analyzers | " + " | ".join(["w"] + [str(n) for n in range(1, runs + 1)]) + " |")
print("|---|---|" + "---:|" * (runs + 1))
for mode, label in modes:
    for kind in kinds:
        builds = data[(mode, kind)]
        first = "–"
        if mode == "server" and os.path.exists(warmups[kind]):
            first = parse(warmups[kind])
        def cell(r):
            if r == "–":
                return r
            text = f"{r['analyzers_total'] * 1000:.0f}"
            return text if kind == "baseline" else f"{text} ({r['ours'] * 1000:.0f})"
        name = "SDK's only (baseline)" if kind == "baseline" else kind_label[kind]
        print(f"| {label} | {name} | " + " | ".join([cell(first)] + [cell(r) for r in builds]) + " |")
print()
print("In process (`shipshape-analyzer-bench profile`: CompilationWithAnalyzers, Roslyn's per-analyzer telemetry; the first run "
      "pays the JIT of our code, later runs are what a long-lived host such as the IDE sees):")
print()
print(open(profile).read().rstrip())
