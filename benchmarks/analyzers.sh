#!/usr/bin/env bash
# The Roslyn analyzers' cost in a real build: one command, prints a markdown table (and writes it to
# benchmarks/results/analyzers.md).
#
#   benchmarks/analyzers.sh                 # 40 stack files (400 constructs), 5 builds of each kind (about 3 minutes)
#   STACKS=80 RUNS=7 benchmarks/analyzers.sh
#   BEFORE=<commit> benchmarks/analyzers.sh  # also builds the analyzers of that commit and measures them in the same run
#
# Generates a C# CDK app (Amazon.CDK.Lib 2.160.0, Constructs 10.0.5; benchmarks/Analyzers generate), then builds it
# with `dotnet build -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary`, alternating a baseline build (the SDK's
# own analyzers only) and a build with ours (the four assemblies the package puts in analyzers/dotnet/cs, built in
# Release from src/). Each build recompiles (a source file is touched first). Two ways: with the compiler server
# (what `dotnet build` does by default, warm after the first build) and without it (-p:UseSharedCompilation=false:
# a fresh compiler process each time, as on a CI machine's first build, so our code's start-up and JIT are paid).
# From each log: the build's wall time, the Csc task's time, and the analyzer table the compiler prints (our
# assembly's time, each analyzer's). Medians per kind; ratios against the baseline of the same run. Last, the
# in-process profile (benchmarks/Analyzers profile): each analyzer's time by Roslyn's telemetry, cold and warm; and the
# cold start in fresh processes (benchmarks/Analyzers cold): construction and first run, with the JIT's method count and time.
# Needs: .NET 10 SDK, python3, /usr/bin/time, the NuGet packages above (restored from the configured feed).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STACKS="${STACKS:-40}"
RUNS="${RUNS:-5}"
WORK="$(mktemp -d /tmp/shipshape-analyzer-bench.XXXXXX)"
OUT="$ROOT/benchmarks/results"
mkdir -p "$OUT"
trap 'rm -rf "$WORK"' EXIT

for tool in dotnet python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "benchmarks: $tool is required" >&2; exit 2; }
done

echo "== build the analyzers (Release) and the benchmark tool" >&2
dotnet build "$ROOT/src/Analyzers.CodeFixes" -c Release -o "$WORK/analyzers" -nologo -v q >&2
KINDS="baseline ours"
if [ -n "${BEFORE:-}" ]; then
  mkdir -p "$WORK/before-src"
  git -C "$ROOT" archive "$BEFORE" | tar -x -C "$WORK/before-src"
  dotnet build "$WORK/before-src/src/Analyzers.CodeFixes" -c Release -o "$WORK/analyzers-before" -nologo -v q >&2
  KINDS="baseline before ours"
fi
dotnet build "$ROOT/benchmarks/Analyzers" -c Release -o "$WORK/tool" -nologo -v q >&2
TOOL="$WORK/tool/shipshape-analyzer-bench"
TOOL_BEFORE=""
if [ -n "${BEFORE:-}" ]; then
  # This tree's benchmark tool over the older tree's analyzers, for the cold-start comparison (skipped if it does not build).
  rm -rf "$WORK/before-src/benchmarks/Analyzers"
  cp -r "$ROOT/benchmarks/Analyzers" "$WORK/before-src/benchmarks/Analyzers"
  rm -rf "$WORK/before-src/benchmarks/Analyzers/bin" "$WORK/before-src/benchmarks/Analyzers/obj"
  if dotnet build "$WORK/before-src/benchmarks/Analyzers" -c Release -o "$WORK/tool-before" -nologo -v q >&2; then
    TOOL_BEFORE="$WORK/tool-before/shipshape-analyzer-bench"
  else
    echo "   (no cold-start comparison: this benchmark tool does not build against $BEFORE)" >&2
  fi
fi

echo "== generate the app" >&2
APP="$WORK/app"
"$TOOL" generate "$APP" "$STACKS" | tee "$WORK/generated.txt" >&2
(cd "$APP" && dotnet restore -nologo -v q >&2)

LOGS="$WORK/logs"; mkdir -p "$LOGS"
# build KIND MODE N: one recompiling build; its log and wall time go to $LOGS/MODE-KIND-N.{log,time}
build() {
  local kind="$1" mode="$2" n="$3" args=()
  [ "$kind" = ours ] && args+=("-p:ShipshapeAnalyzerPath=$WORK/analyzers")
  [ "$kind" = before ] && args+=("-p:ShipshapeAnalyzerPath=$WORK/analyzers-before")
  [ "$mode" = noserver ] && args+=("-p:UseSharedCompilation=false")
  touch "$APP/Program.cs"
  # Wall time, and CPU time (user + system) of the build and its child processes (the compiler too when there is no server).
  (cd "$APP" && /usr/bin/time -f "%e %U %S" -o "$LOGS/$mode-$kind-$n.time" \
      dotnet build --no-restore -nologo -nodeReuse:false -v:d -p:ReportAnalyzer=true -clp:PerformanceSummary "${args[@]}" > "$LOGS/$mode-$kind-$n.log" 2>&1) \
    || { echo "build failed: $LOGS/$mode-$kind-$n.log" >&2; tail -20 "$LOGS/$mode-$kind-$n.log" >&2; exit 1; }
}

echo "== builds: $RUNS of each kind, alternating (warm-up first)" >&2
for kind in $KINDS; do build "$kind" server warmup; done
for n in $(seq 1 "$RUNS"); do
  for mode in server noserver; do
    for kind in $KINDS; do build "$kind" "$mode" "$n"; done
  done
  echo "   round $n of $RUNS" >&2
done

echo "== in-process profile" >&2
"$TOOL" profile "$APP" 8 > "$WORK/profile.md"

echo "== cold start (fresh processes)" >&2
COLD="$WORK/cold.md"
{
  echo
  echo "Cold start (\`shipshape-analyzer-bench cold\`: fresh processes, the compiler's binding and Roslyn's analyzer driver paid first;"
  echo "what is left is ours: construction, then the first run over the app with the JIT it causes; two alternating rounds):"
  for round in 1 2; do
    if [ -n "$TOOL_BEFORE" ]; then echo; echo "Round $round, ours at $BEFORE:"; echo; "$TOOL_BEFORE" cold "$APP" 5 | tail -n +3; fi
    echo; echo "Round $round, ours (this tree):"; echo; "$TOOL" cold "$APP" 5 | tail -n +3
  done
} > "$COLD"

python3 "$ROOT/benchmarks/analyzers_table.py" "$LOGS" "$RUNS" "$WORK/generated.txt" "$WORK/profile.md" "$KINDS" "${BEFORE:-}" | tee "$OUT/analyzers.md"
tee -a "$OUT/analyzers.md" < "$COLD"
echo "(written to benchmarks/results/analyzers.md)" >&2
