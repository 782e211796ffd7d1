#!/usr/bin/env bash
# Shipshape benchmarks: one command, prints a markdown table (and writes it to benchmarks/results/).
#
#   benchmarks/run.sh            # everything (about 10 minutes on 2 cores, mostly the peers)
#   QUICK=1 benchmarks/run.sh    # our CLI and the parse floor only, smaller sizes (about 1 minute)
#
# Builds our CLI (framework-dependent JIT build as the dotnet tool ships, and the Native AOT binary),
# generates the workloads (benchmarks/Bench generate, fixed seed), installs the peers into a temporary
# folder (npm: @cdklabs/cdk-validator-cfnguard 0.0.62 for cfn-guard 3.1, cdk-nag 3, aws-cdk-lib 2.276,
# constructs 10.8; cfn-lint 1.51 from PATH), checks their versions, and times every tool on the same
# files with hyperfine (cold processes); peak memory from /usr/bin/time -v. A peer that cannot be
# installed is skipped with a note. Needs: .NET 10 SDK, hyperfine, node/npm, python3.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
QUICK="${QUICK:-0}"
PEER_TIMEOUT="${PEER_TIMEOUT:-300}"
WORK="$(mktemp -d /tmp/shipshape-bench.XXXXXX)"
OUT="$ROOT/benchmarks/results"
mkdir -p "$OUT"
NOTES="$WORK/notes.txt"; : > "$NOTES"
RESULTS="$WORK/results.tsv"; : > "$RESULTS"
note() { echo "$*" | tee -a "$NOTES" >&2; }
trap 'rm -rf "$WORK"' EXIT

for tool in dotnet hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "benchmarks: $tool is required" >&2; exit 2; }
done

echo "== build (Release)" >&2
dotnet publish "$ROOT/src/Cli" -c Release -o "$WORK/jit" -nologo -v q >&2
# The Native AOT binary, as the linux-x64 tool package ships it (trim and AOT warnings are errors, as in that build).
dotnet publish "$ROOT/src/Cli" -c Release -r linux-x64 -p:ShipshapeAot=true -o "$WORK/aot" -nologo -v q >&2 \
  || note "Native AOT publish failed: AOT rows skipped"
dotnet publish "$ROOT/src/Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/r2r" -nologo -v q >&2 \
  || note "ReadyToRun publish failed: R2R start-up row skipped"
# ReadyToRun code is only used by the runtime it was compiled against: the tool targets net8.0 and rolls forward to the
# installed runtime, so also build it for the runtime here (a copy of the sources, so the worktree's obj/ is untouched).
RUNTIME_TFM="net$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {split($2, v, "."); m = v[1] "." v[2]} END {print m}')"
mkdir -p "$WORK/src-r2r"
tar -C "$ROOT" --exclude=bin --exclude=obj -cf - Directory.Build.props Directory.Packages.props global.json rules schemas src/Core src/Cli | tar -x -C "$WORK/src-r2r"
sed -i "s|<TargetFramework>net8.0</TargetFramework>|<TargetFramework>$RUNTIME_TFM</TargetFramework>|" "$WORK/src-r2r/src/Cli/Cli.csproj"
dotnet publish "$WORK/src-r2r/src/Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/r2r-runtime" -nologo -v q >&2 \
  || note "ReadyToRun publish for $RUNTIME_TFM failed: its start-up row skipped"
dotnet publish "$ROOT/benchmarks/Bench" -c Release -o "$WORK/bench" -nologo -v q >&2
dotnet publish "$ROOT/benchmarks/Bench" -c Release -r linux-x64 -p:BenchAot=true -o "$WORK/bench-aot" -nologo -v q >&2 \
  || note "Native AOT publish of the parse floor failed: AOT floor rows skipped"
BENCH="$WORK/bench/shipshape-bench"
OURS_JIT="$WORK/jit/shipshape"
OURS_AOT="$WORK/aot/shipshape"
FLOOR_JIT="$WORK/bench/shipshape-bench floor"
FLOOR_AOT="$WORK/bench-aot/shipshape-bench floor"

echo "== peers" >&2
PEERS="$WORK/peers"; mkdir -p "$PEERS"
GUARD="" ; NAG="" ; LINT=""
if [ "$QUICK" != 1 ]; then
  if command -v cfn-lint >/dev/null && cfn-lint --version 2>/dev/null | grep -q '^cfn-lint 1\.51\.'; then
    LINT="cfn-lint"; note "cfn-lint: $(cfn-lint --version)"
  else
    note "cfn-lint 1.51 not found on PATH: skipped"
  fi
  if command -v npm >/dev/null && (cd "$PEERS" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error \
        @cdklabs/cdk-validator-cfnguard@0.0.62 cdk-nag@3 aws-cdk-lib@2.276 constructs@10.8 >&2); then
    G="$PEERS/node_modules/@cdklabs/cdk-validator-cfnguard"
    if [ -x "$G/bin/ubuntu/x86_64/cfn-guard" ] && "$G/bin/ubuntu/x86_64/cfn-guard" --version | grep -q ' 3\.1\.'; then
      GUARD="$G/bin/ubuntu/x86_64/cfn-guard validate -S none"
      for d in ecr ecs eks; do GUARD="$GUARD -r $G/rules/control-tower/cfn-guard/$d"; done
      note "cfn-guard: $("$G/bin/ubuntu/x86_64/cfn-guard" --version) (from @cdklabs/cdk-validator-cfnguard 0.0.62; Control Tower ECR, ECS and EKS rules)"
    else
      note "cfn-guard 3.1 binary not found in @cdklabs/cdk-validator-cfnguard: skipped"
    fi
    nag_version="$(node -p "require('$PEERS/node_modules/cdk-nag/package.json').version")"
    cdk_version="$(node -p "require('$PEERS/node_modules/aws-cdk-lib/package.json').version")"
    if [[ "$nag_version" == 3.* && "$cdk_version" == 2.276.* ]]; then
      cp "$ROOT/benchmarks/peers/cdk-nag-check.js" "$PEERS/"
      NAG="node $PEERS/cdk-nag-check.js"
      note "cdk-nag: $nag_version (AwsSolutions pack), aws-cdk-lib $cdk_version, constructs $(node -p "require('$PEERS/node_modules/constructs/package.json').version"), node $(node --version); templates loaded with CfnInclude"
    else
      note "cdk-nag 3 / aws-cdk-lib 2.276 not installed (got $nag_version / $cdk_version): skipped"
    fi
  else
    note "npm install of the peers failed: cfn-guard and cdk-nag skipped"
  fi
fi

bytes() { find "$1" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }

# time_tool WORKLOAD TOOL RUNS TIMEOUT COMMAND...  (appends a TSV row: workload tool mean min max runs bytes rss status)
time_tool() {
  local workload="$1" tool="$2" runs="$3" timeout="$4"; shift 4
  local cmd="$*" json="$WORK/h.json" status="ok" rss="" mean="" min="" max=""
  # One run under /usr/bin/time first: peak memory, exit status, and whether it fits the time limit.
  local start end
  start=$(date +%s.%N)
  if timeout "$timeout" /usr/bin/time -f "%M" -o "$WORK/rss" bash -c "$cmd" > "$WORK/out" 2> "$WORK/err"; then :; else
    local rc=$?
    if [ $rc -eq 124 ]; then status="timeout"; fi
  fi
  end=$(date +%s.%N)
  rss="$(tail -1 "$WORK/rss" 2>/dev/null || true)"
  if [ "$status" = "timeout" ]; then
    note "$tool on $workload: no result within ${timeout} s"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$workload" "$tool" "$timeout" "$timeout" "$timeout" 0 "$(bytes "$WL/$workload")" "" "timeout" >> "$RESULTS"
    return
  fi
  if [ "$runs" -le 1 ]; then
    mean=$(python3 -c "print($end-$start)"); min=$mean; max=$mean
  else
    hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$json" "$cmd" > /dev/null 2>&1
    read -r mean min max < <(python3 -c "import json;r=json.load(open('$json'))['results'][0];print(r['median'],r['min'],r['max'])")
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$workload" "$tool" "$mean" "$min" "$max" "$runs" "$(bytes "$WL/$workload")" "$rss" "$status" >> "$RESULTS"
  echo "   $tool on $workload: ${mean}s, ${rss} KB ($(tail -c 200 "$WORK/err" | tail -1))" >&2
}

ours() {  # ours WORKLOAD RUNS
  time_tool "$1" "shipshape (JIT)" "$2" 600 "$OURS_JIT check $WL/$1"
  [ -x "$OURS_AOT" ] && time_tool "$1" "shipshape (AOT)" "$2" 600 "$OURS_AOT check $WL/$1"
  time_tool "$1" "parse floor (JIT)" "$2" 600 "$FLOOR_JIT $WL/$1"
  [ -x "$WORK/bench-aot/shipshape-bench" ] && time_tool "$1" "parse floor (AOT)" "$2" 600 "$FLOOR_AOT $WL/$1"
  return 0
}

echo "== workloads" >&2
WL="$WORK/workloads"
"$BENCH" generate repo "$WL/startup" 1 1 mixed
"$BENCH" generate repo "$WL/repo-templates" 100 10 templates
"$BENCH" generate template "$WL/template-200/stack.template.json" 200
if [ "$QUICK" = 1 ]; then SCALE_FILES="1 10 100 1000"; SCALE_KB="1 100 1000"; else SCALE_FILES="1 10 100 1000 10000"; SCALE_KB="1 100 1000 9000"; fi
for n in $SCALE_FILES; do "$BENCH" generate repo "$WL/files-$n" "$n" 2 mixed; done
for kb in $SCALE_KB; do "$BENCH" generate sized "$WL/size-${kb}kb/stack.template.json" "$kb"; done
[ "$QUICK" = 1 ] || "$BENCH" generate template "$WL/template-2500/stack.template.json" 2500

echo "== start-up (one small file)" >&2
ours startup 20
[ -x "$WORK/r2r/shipshape" ] && time_tool startup "shipshape (R2R)" 20 600 "$WORK/r2r/shipshape check $WL/startup"
[ -x "$WORK/r2r-runtime/shipshape" ] && time_tool startup "shipshape (R2R for the runtime)" 20 600 "$WORK/r2r-runtime/shipshape check $WL/startup"
[ -x "$WORK/r2r-runtime/shipshape" ] && for w in repo-templates template-2500; do [ -d "$WL/$w" ] && time_tool "$w" "shipshape (R2R for the runtime)" 10 600 "$WORK/r2r-runtime/shipshape check $WL/$w"; done

echo "== peers and ours on the same templates" >&2
PEER_WORKLOADS="repo-templates template-200"
[ "$QUICK" = 1 ] || PEER_WORKLOADS="$PEER_WORKLOADS template-2500"
for w in $PEER_WORKLOADS; do
  ours "$w" 10
  [ -n "$LINT" ] && time_tool "$w" "cfn-lint 1.51" 1 "$PEER_TIMEOUT" "cfn-lint -- \$(find $WL/$w -type f | sort)"
  [ -n "$GUARD" ] && time_tool "$w" "cfn-guard 3.1" 1 "$PEER_TIMEOUT" "$GUARD -d $WL/$w"
  [ -n "$NAG" ] && time_tool "$w" "cdk-nag 3" 1 "$PEER_TIMEOUT" "$NAG $WL/$w"
done

echo "== scaling: number of files, file size" >&2
for n in $SCALE_FILES; do ours "files-$n" 5; done
for kb in $SCALE_KB; do ours "size-${kb}kb" 5; done

python3 "$ROOT/benchmarks/table.py" "$RESULTS" "$NOTES" "$WL" | tee "$OUT/latest.md"
echo "(written to benchmarks/results/latest.md)" >&2
