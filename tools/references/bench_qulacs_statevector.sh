#!/bin/sh
# Builds a small driver around qulacs' csim single-qubit dense-matrix kernel (AVX2 + OpenMP) from a qulacs checkout
# and times it beside `molforge bench statevector` in the same run, alternating the two programs.
# qulacs' code is only compiled here, never committed.
#   tools/references/bench_qulacs_statevector.sh /path/to/qulacs "20 22 24" [seconds]
# (get qulacs with: git clone https://github.com/qulacs/qulacs, or the fetched mirror: git archive HEAD src/csim)
set -e
QULACS=${1:?path to a qulacs checkout}
QUBITS=${2:-"20 22 24"}
SECONDS_MIN=${3:-2}
WORK=$(mktemp -d)
mkdir -p "$WORK/src/cppsim"
cp -r "$QULACS/src/csim" "$WORK/src/"
cp "$QULACS/src/cppsim/exception.hpp" "$WORK/src/cppsim/"
cat > "$WORK/bench.cpp" <<'CPP'
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include "csim/update_ops.hpp"
#include "csim/memory_ops.hpp"
#include "csim/init_ops.hpp"
int main(int argc, char** argv) {
  int n = atoi(argv[1]); double minSec = argc > 2 ? atof(argv[2]) : 1.0;
  ITYPE dim = 1ULL << n;
  CTYPE* s = allocate_quantum_state(dim);
  initialize_Haar_random_state_with_seed(s, dim, 1);
  CTYPE m[4] = {CTYPE(0.6, 0.0), CTYPE(0.0, 0.8), CTYPE(0.0, 0.8), CTYPE(0.6, 0.0)};
  for (int t = 0; t < 4 && t < n; t++) single_qubit_dense_matrix_gate(t, m, s, dim);
  auto t0 = std::chrono::steady_clock::now(); long count = 0; double el = 0;
  while (el < minSec || count < n) { single_qubit_dense_matrix_gate(count % n, m, s, dim); count++;
    el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); }
  double spg = el / count;
  printf("{\"qubits\": %d, \"seconds_per_gate\": %.6e, \"gates\": %ld, \"gate_gb_per_s\": %.3f, \"impl\": \"qulacs-csim\"}\n",
         n, spg, count, 2.0 * 16.0 * dim / spg / 1e9);
  release_quantum_state(s);
}
CPP
S="$WORK/src/csim"
g++ -O3 -march=native -fopenmp -D_USE_SIMD -std=c++17 -I"$WORK/src" -o "$WORK/qbench" "$WORK/bench.cpp" \
  "$S/update_ops_matrix_dense_single.cpp" "$S/memory_ops.cpp" "$S/init_ops_random.cpp" "$S/utility.cpp" "$S/MPIutil.cpp" "$S/constant.cpp"
dotnet build -c Release src/MolForge.Cli >/dev/null
for n in $QUBITS; do
  src/MolForge.Cli/bin/Release/net10.0/molforge bench statevector --qubits "$n" --seconds "$SECONDS_MIN" --json
  OMP_NUM_THREADS=$(nproc) "$WORK/qbench" "$n" "$SECONDS_MIN"
done
rm -rf "$WORK"
