#!/usr/bin/env bash
# Measures bulk screening throughput (molecules per hour) and the cost of per-item checkpoints.
# Usage: tools/screening/measure_throughput.sh INPUT.smi [POSTGRES_URL]
#   INPUT.smi     molecules to score (e.g. 40 lines of data/qm9 SMILES)
#   POSTGRES_URL  optional, e.g. postgres://molforge:molforge@127.0.0.1:5432/molforge_bench (created if missing):
#                 then also 1 and 2 `molforge worker` processes sharing one job.
# Build first: dotnet build src/MolForge.Cli -c Release
set -euo pipefail
cd "$(dirname "$0")/../.."
input=$(readlink -f "$1"); pg=${2:-}
cli="dotnet src/MolForge.Cli/bin/Release/net10.0/molforge.dll"
work=$(mktemp -d)
lines=$(wc -l < "$input")

run() { # label, then screen args
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  $cli screen "$input" --db "$work/$label.db" --job "$label" "$@" >/dev/null 2>"$work/$label.log" || true
  end=$(date +%s.%N)
  python3 -c "import sys; s=$end-$start; print(f'{sys.argv[1]:<40} {s:8.1f} s  {$lines/s*3600:10.0f} mol/h')" "$label"
}

echo "input: $input ($lines lines), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
run rhf-sto3g-p1 --method rhf --basis sto-3g --parallel 1
run rhf-sto3g-p2 --method rhf --basis sto-3g --parallel 2
run vqe22-sto3g-p1 --method vqe --basis sto-3g --active 2,2 --parallel 1
run vqe22-sto3g-p2 --method vqe --basis sto-3g --active 2,2 --parallel 2
run rhf-checkpoint-every-1 --method rhf --parallel 2 --chunk-size 64 --checkpoint-every 1
run rhf-checkpoint-per-chunk --method rhf --parallel 2 --chunk-size 64 --checkpoint-every 100000
run huckel-checkpoint-every-1 --method huckel --parallel 1 --chunk-size 64 --checkpoint-every 1
run huckel-checkpoint-per-chunk --method huckel --parallel 1 --chunk-size 64 --checkpoint-every 100000

if [ -n "$pg" ]; then
  for workers in 1 2; do
    for method in rhf vqe; do
      job="w$workers-$method-$(date +%s)"
      $cli screen "$input" --db "$pg" --job "$job" --method "$method" --basis sto-3g --active 2,2 --detach >/dev/null 2>&1
      start=$(date +%s.%N)
      pids=()
      for _ in $(seq 1 "$workers"); do $cli worker --cluster "$pg" --parallel 1 >/dev/null 2>&1 & pids+=($!); done
      while [ "$($cli jobs show "$job" --db "$pg" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')" = running ]; do sleep 1; done
      end=$(date +%s.%N)
      kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
      python3 -c "import sys; s=$end-$start; print(f'{sys.argv[1]:<40} {s:8.1f} s  {$lines/s*3600:10.0f} mol/h')" "postgres-$workers-worker(s)-$method"
    done
  done
fi
rm -rf "$work"
