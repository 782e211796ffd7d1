"""Turns benchmarks/run.sh's measurements into the markdown tables of docs/performance.md."""
import csv
import os
import platform
import subprocess
import sys

results_path, notes_path, workloads = sys.argv[1], sys.argv[2], sys.argv[3]
rows = []
with open(results_path) as f:
    for r in csv.reader(f, delimiter="\t"):
        workload, tool, mean, lo, hi, runs, size, rss, status = r
        rows.append(dict(workload=workload, tool=tool, mean=float(mean), min=float(lo), max=float(hi), runs=int(runs),
                         bytes=int(size), rss=int(rss) if rss else None, status=status))

def get(workload, tool):
    for r in rows:
        if r["workload"] == workload and r["tool"] == tool:
            return r
    return None

def files(workload):
    n = 0
    for _, _, names in os.walk(os.path.join(workloads, workload)):
        n += len(names)
    return n

def secs(r):
    if r is None:
        return "–"
    if r["status"] == "timeout":
        return "> %d s (timed out)" % r["mean"]
    return "%.3f s" % r["mean"] if r["mean"] < 10 else "%.1f s" % r["mean"]

def mbps(r):
    if r is None or r["status"] == "timeout" or r["mean"] <= 0:
        return "–"
    return "%.1f" % (r["bytes"] / 1e6 / r["mean"])

def rss(r):
    return "–" if r is None or r["rss"] is None else "%.0f MB" % (r["rss"] / 1024)

def ratio(a, b):
    if a is None or b is None or b["mean"] <= 0:
        return "–"
    if b["status"] == "timeout":
        return "< %.4f" % (a["mean"] / b["mean"])
    x = a["mean"] / b["mean"]
    return ("%.4f" if x < 0.01 else "%.3f" if x < 0.1 else "%.2f") % x

def size(n):
    return "%.1f MB" % (n / 1e6) if n >= 1e6 else "%.0f KB" % (n / 1e3)

out = []
cpu = ""
try:
    cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
except Exception:
    pass
out.append("Machine: %s, %d cores, %s; load average at the end %s." % (cpu, os.cpu_count(), platform.platform(terse=True), " ".join("%.1f" % x for x in os.getloadavg())))
out.append("")
out.append("### Start-up to first output on one small file (median of 20 cold runs)")
out.append("")
out.append("| Build | Time | Peak RSS |")
out.append("|---|---:|---:|")
for tool in ["shipshape (JIT)", "shipshape (R2R)", "shipshape (R2R for the runtime)", "shipshape (AOT)"]:
    r = get("startup", tool)
    if r is not None:
        out.append("| %s | %.1f ms (min %.1f) | %s |" % (tool, r["mean"] * 1000, r["min"] * 1000, rss(r)))
out.append("")
out.append("### Peers on the same templates (cold process each run; median of 10 runs for ours, 1 run for peers)")
out.append("")
out.append("| Workload | Tool | Time | MB/s | Peak RSS | ours (AOT) ÷ tool | ours (JIT) ÷ tool |")
out.append("|---|---|---:|---:|---:|---:|---:|")
peer_workloads = [w for w in ["repo-templates", "template-200", "template-2500"] if get(w, "shipshape (JIT)")]
for w in peer_workloads:
    label = "%s (%d files, %s)" % (w, files(w), size(get(w, "shipshape (JIT)")["bytes"]))
    aot, jit = get(w, "shipshape (AOT)"), get(w, "shipshape (JIT)")
    for tool in ["shipshape (AOT)", "shipshape (JIT)", "shipshape (R2R for the runtime)", "parse floor (AOT)", "parse floor (JIT)", "cfn-lint 1.51", "cfn-guard 3.1", "cdk-nag 3"]:
        r = get(w, tool)
        if r is None:
            continue
        out.append("| %s | %s | %s | %s | %s | %s | %s |" % (label, tool, secs(r), mbps(r), rss(r), ratio(aot, r), ratio(jit, r)))
        label = ""
out.append("")
out.append("### Ours against the parse floor (System.Text.Json / YamlDotNet over the same bytes, both cores, nothing else)")
out.append("")
out.append("| Workload | Files | Size | ours (AOT) | floor (AOT) | ÷ | ours (JIT) | floor (JIT) | ÷ | Peak RSS ours (AOT / JIT) |")
out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
order = ["startup"] + peer_workloads + sorted({r["workload"] for r in rows if r["workload"].startswith("files-")}, key=lambda w: int(w.split("-")[1])) \
    + sorted({r["workload"] for r in rows if r["workload"].startswith("size-")}, key=lambda w: float(w.split("-")[1][:-2]))
for w in order:
    jit, aot = get(w, "shipshape (JIT)"), get(w, "shipshape (AOT)")
    fj, fa = get(w, "parse floor (JIT)"), get(w, "parse floor (AOT)")
    if jit is None:
        continue
    out.append("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s / %s |" % (w, files(w), size(jit["bytes"]), secs(aot), secs(fa), ratio(aot, fa),
                                                                       secs(jit), secs(fj), ratio(jit, fj), rss(aot), rss(jit)))
out.append("")
scaling = [w for w in order if w.startswith("files-")]
if scaling:
    out.append("### Growth with the number of files (about 2 KB each, mixed kinds)")
    out.append("")
    out.append("| Files | ours (AOT) | per file | ours (JIT) | per file | MB/s (AOT) | Peak RSS (AOT) |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|")
    for w in scaling:
        aot, jit = get(w, "shipshape (AOT)"), get(w, "shipshape (JIT)")
        n = files(w)
        out.append("| %d | %s | %s | %s | %s | %s | %s |" % (n, secs(aot), "%.2f ms" % (aot["mean"] * 1000 / n) if aot else "–",
                                                       secs(jit), "%.2f ms" % (jit["mean"] * 1000 / n), mbps(aot), rss(aot)))
    out.append("")
out.append("### Notes")
out.append("")
for line in open(notes_path):
    if line.strip():
        out.append("- " + line.strip())
print("\n".join(out))
