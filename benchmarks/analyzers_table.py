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
      f"Median of {runs} recompiling `dotnet build` runs of each kind, alternating; "
      f"machine: {platform.platform()}, {os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}.")
print()
modes = (("server", "compiler server (default)"), ("noserver", "no server (fresh csc process)"))
data = {}
for mode, label in modes:
    base = [parse(os.path.join(logs, f"{mode}-baseline-{n}.log")) for n in range(1, runs + 1)]
    ours = [parse(os.path.join(logs, f"{mode}-ours-{n}.log")) for n in range(1, runs + 1)]
    data[label] = (base, ours)

def ms(seconds_value):
    return f"{seconds_value * 1000:.0f} ms"

print("Builds (wall time of `dotnet build --no-restore`; Csc is the compiler task's time; CPU is user + system of the build's "
      "processes, the compiler included only without the server):")
print()
print("| Compiler | Build: baseline | with ours | Δ | Csc: baseline | with ours | Δ | CPU: baseline | with ours | Δ |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for label, (base, ours) in data.items():
    b_wall, o_wall = median(r["wall"] for r in base), median(r["wall"] for r in ours)
    b_csc, o_csc = median(r["csc"] for r in base), median(r["csc"] for r in ours)
    b_cpu, o_cpu = median(r["cpu"] for r in base), median(r["cpu"] for r in ours)
    cpu = f"{b_cpu:.2f} s | {o_cpu:.2f} s | {o_cpu - b_cpu:+.2f} s" if label.startswith("no server") else "– | – | –"
    print(f"| {label} | {b_wall:.2f} s | {o_wall:.2f} s | {o_wall - b_wall:+.2f} s | {b_csc:.2f} s | {o_csc:.2f} s | {o_csc - b_csc:+.2f} s | {cpu} |")
print()
print("Analyzer time as the compiler reports it (`-p:ReportAnalyzer=true`). *Reported* is the time charged to our assembly. "
      "The first analyzer to touch the compilation's references pays for loading them (about 0.2 s here), which the SDK's "
      "own analyzers pay in the baseline build: *added* is the growth of all analyzers' time (ours + the SDK's) over the "
      "baseline, the cost our analyzers really add. Ratios are to the build with ours; per file: over the app's C# files.")
print()
print("| Compiler | All analyzers: baseline | with ours | Ours reported | ÷ build | ÷ Csc | per file | Ours added | ÷ build | ÷ Csc | per file |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
per_analyzer_rows = {}
for label, (base, ours) in data.items():
    o_wall, o_csc = median(r["wall"] for r in ours), median(r["csc"] for r in ours)
    b_all, o_all = median(r["analyzers_total"] for r in base), median(r["analyzers_total"] for r in ours)
    reported = median(r["ours"] for r in ours)
    added = o_all - b_all
    print(f"| {label} | {ms(b_all)} | {ms(o_all)} | {ms(reported)} | {reported / o_wall:.1%} | {reported / o_csc:.1%} | {reported * 1000 / files:.2f} ms "
          f"| {added * 1000:+.0f} ms | {added / o_wall:.1%} | {added / o_csc:.1%} | {added * 1000 / files:.2f} ms |")
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
