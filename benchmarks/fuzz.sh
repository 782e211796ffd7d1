#!/usr/bin/env bash
# Fuzz the engine for a fixed budget with a fixed seed (deterministic mutation sequence):
#   benchmarks/fuzz.sh [seconds=120] [seed=1]
# Mutates every JSON/YAML file of ../shared/corpus (when present) and hostile inputs built in code,
# runs the whole engine on each and checks: no exception, no hang, every finding inside the file,
# the same findings twice. Crashing inputs are saved under benchmarks/fuzz-crashes/ (exit 1);
# turn each into a test under tests/Shipshape.Tests/Robustness/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$ROOT/benchmarks/Bench" -c Release -nologo -v q >&2
cd "$ROOT/benchmarks"
exec dotnet "$ROOT/benchmarks/Bench/bin/Release/net10.0/shipshape-bench.dll" fuzz "${1:-120}" "${2:-1}" "$ROOT/../shared/corpus" "$ROOT/benchmarks/fuzz-crashes"
