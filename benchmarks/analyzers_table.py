"""Turns benchmarks/analyzers.sh's build logs into the markdown table of docs/performance.md (Roslyn analyzers)."""
import os
import platform
import re
import statistics
import sys

logs, runs, generated, profile = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
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
    return dict(
        wall=int(open(path[:-4] + ".time").read()) / 1000.0,
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
      f"Median of {runs} recompiling `dotnet build` runs of each kind, alternating; "
      f"machine: {platform.platform()}, {os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}.")
print()
print("| Compiler | Build, baseline | Build, with ours | Δ build | Csc, baseline | Csc, with ours | Our analyzers (reported) "
      "| ours ÷ build | ours ÷ Csc | ours per file | all analyzers, with ours |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
per_analyzer_rows = {}
for mode, label in (("server", "server (default, warm)"), ("noserver", "no server (fresh csc process)")):
    base = [parse(os.path.join(logs, f"{mode}-baseline-{n}.log")) for n in range(1, runs + 1)]
    ours = [parse(os.path.join(logs, f"{mode}-ours-{n}.log")) for n in range(1, runs + 1)]
    b_wall, o_wall = median(r["wall"] for r in base), median(r["wall"] for r in ours)
    b_csc, o_csc = median(r["csc"] for r in base), median(r["csc"] for r in ours)
    o_ours = median(r["ours"] for r in ours)
    o_all = median(r["analyzers_total"] for r in ours)
    print(f"| {label} | {b_wall:.2f} s | {o_wall:.2f} s | {o_wall - b_wall:+.2f} s | {b_csc:.2f} s | {o_csc:.2f} s | {o_ours * 1000:.0f} ms "
          f"| {o_ours / o_wall:.1%} | {o_ours / o_csc:.1%} | {o_ours * 1000 / files:.2f} ms | {o_all * 1000:.0f} ms |")
    names = sorted({name for r in ours for name in r["per_analyzer"]})
    per_analyzer_rows[label] = [(name, median(r["per_analyzer"].get(name, 0.0) for r in ours)) for name in names]

print()
print("Our analyzers one by one (median reported time in the builds with ours):")
print()
labels = list(per_analyzer_rows)
print("| Analyzer | " + " | ".join(labels) + " |")
print("|---|" + "---:|" * len(labels))
names = sorted({name for rows in per_analyzer_rows.values() for name, _ in rows})
for name in names:
    cells = []
    for label in labels:
        value = dict(per_analyzer_rows[label]).get(name)
        cells.append("–" if value is None else ("< 1 ms" if value < 0.001 else f"{value * 1000:.0f} ms"))
    print(f"| {name} | " + " | ".join(cells) + " |")
print()
print("In process (`shipshape-analyzer-bench profile`: CompilationWithAnalyzers, Roslyn's per-analyzer telemetry; the first run "
      "pays the JIT of our code, later runs are what a long-lived host such as the IDE sees):")
print()
print(open(profile).read().rstrip())
