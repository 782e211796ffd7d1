#!/usr/bin/env bash
# The Roslyn analyzers' cost in a real build: one command, prints a markdown table (and writes it to
# benchmarks/results/analyzers.md).
#
#   benchmarks/analyzers.sh                 # 40 stack files (400 constructs), 5 builds of each kind (about 3 minutes)
#   STACKS=80 RUNS=7 benchmarks/analyzers.sh
#   BEFORE=<commit> benchmarks/analyzers.sh  # also builds the analyzers of that commit and measures them in the same run
#   KEEP=1 benchmarks/analyzers.sh          # keeps the generated app and the build logs (the path is printed)
#
# Generates a C# CDK app (Amazon.CDK.Lib 2.160.0, Constructs 10.0.5; benchmarks/Analyzers generate), then builds it
# with `dotnet build -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary`, alternating a baseline build (the SDK's
# own analyzers only) and a build with ours (the four assemblies the package puts in analyzers/dotnet/cs, built in
# Release from src/). Each build recompiles (a source file is touched first). Three ways:
#   first     the first build after the compiler server starts (a fresh server for each such build): what the
#             first `dotnet build` after a reboot, or after the server's idle timeout, pays;
#   server    the steady state of the compiler server (what `dotnet build` does by default): one server per kind of
#             build, kept for all its builds, its first build excluded; the server keeps the analyzer assemblies
#             loaded (and our code jitted) and the references' metadata cached between compilations;
#   noserver  -p:UseSharedCompilation=false: a fresh compiler process each build, as on a CI machine, so our
#             code's start-up and JIT are paid every time.
# The server is asked for explicitly (-p:UseSharedCompilation=true) because an environment variable
# UseSharedCompilation=false, as set on this project's machines, silently turns it off for every build; each log is
# checked for the compiler's "CompilerServer:" line, so a build that did not run where it should stops the script. The
# servers are private to this run (-p:SharedCompilationId) and shut down at the end.
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
SERVER_ID="shipshape-bench-$$-$RANDOM"
SERVERS=()
VBCSCOMPILER=""
# Shuts down this run's compiler servers (by their private pipe names, never anyone else's).
stop_servers() {
  for id in "${SERVERS[@]}"; do dotnet "$VBCSCOMPILER" -shutdown -pipename:"$id" >/dev/null 2>&1 || true; done
  SERVERS=()
}
trap 'stop_servers; if [ -n "${KEEP:-}" ]; then echo "(logs kept in $WORK)" >&2; else rm -rf "$WORK"; fi' EXIT

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
VBCSCOMPILER="$(cd "$APP" && dotnet msbuild -getProperty:RoslynTargetsPath)/bincore/VBCSCompiler.dll"
[ -f "$VBCSCOMPILER" ] || { echo "benchmarks: no compiler server at $VBCSCOMPILER" >&2; exit 2; }
# build KIND MODE N [SERVER]: one recompiling build; its log and wall time go to $LOGS/MODE-KIND-N.{log,time}
build() {
  local kind="$1" mode="$2" n="$3" server="${4:-}" args=() expect
  [ "$kind" = ours ] && args+=("-p:ShipshapeAnalyzerPath=$WORK/analyzers")
  [ "$kind" = before ] && args+=("-p:ShipshapeAnalyzerPath=$WORK/analyzers-before")
  if [ "$mode" = noserver ]; then
    args+=("-p:UseSharedCompilation=false"); expect="CompilerServer: tool - using command line tool by design"
  else
    args+=("-p:UseSharedCompilation=true" "-p:SharedCompilationId=$server"); expect="CompilerServer: server - server processed compilation"
  fi
  touch "$APP/Program.cs"
  # Wall time, and CPU time (user + system) of the build and its child processes (the compiler too when there is no server).
  (cd "$APP" && /usr/bin/time -f "%e %U %S" -o "$LOGS/$mode-$kind-$n.time" \
      dotnet build --no-restore -nologo -nodeReuse:false -v:d -p:ReportAnalyzer=true -clp:PerformanceSummary "${args[@]}" > "$LOGS/$mode-$kind-$n.log" 2>&1) \
    || { echo "build failed: $LOGS/$mode-$kind-$n.log" >&2; tail -20 "$LOGS/$mode-$kind-$n.log" >&2; exit 1; }
  grep -q "$expect" "$LOGS/$mode-$kind-$n.log" \
    || { echo "benchmarks: $mode build did not compile as expected (no \"$expect\" in $LOGS/$mode-$kind-$n.log)" >&2; exit 1; }
}

echo "== builds: $RUNS of each kind, alternating" >&2
echo "   first build after the compiler server starts (a fresh server each)" >&2
for n in $(seq 1 "$RUNS"); do
  for kind in $KINDS; do
    SERVERS+=("$SERVER_ID-first-$kind-$n")
    build "$kind" first "$n" "$SERVER_ID-first-$kind-$n"
    stop_servers
  done
done
echo "   steady state (one server per kind, its first build excluded) and no server" >&2
for kind in $KINDS; do SERVERS+=("$SERVER_ID-$kind"); build "$kind" server warmup "$SERVER_ID-$kind"; done
for n in $(seq 1 "$RUNS"); do
  for mode in server noserver; do
    for kind in $KINDS; do build "$kind" "$mode" "$n" "$SERVER_ID-$kind"; done
  done
  echo "   round $n of $RUNS" >&2
done
stop_servers

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
