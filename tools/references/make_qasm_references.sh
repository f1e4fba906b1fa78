#!/usr/bin/env bash
# QASM checked by an outside parser: MolForge's exporter writes OpenQASM 3 for UCCSD and HEA circuits of H2 and LiH
# (tools/references/qasm_export_cases), the npm package quantum-circuit parses and simulates each (qasm_statevectors.js),
# and the state vectors are committed beside the QASM in tests/MolForge.Quantum.Tests/References/qasm/ for
# QasmReferenceTests (dotnet test needs neither node nor the package).
# The Python route (openqasm3 reference parser + qiskit) was not available: PyPI cannot be reached from this workplace.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/tests/MolForge.Quantum.Tests/References/qasm"
env="${QC_ENV:-/tmp/qcenv}"   # kept out of the repository
mkdir -p "$env"
[ -d "$env/node_modules/quantum-circuit" ] || npm install --silent --prefix "$env" quantum-circuit@0.9.250
dotnet run -c Release --project "$root/tools/references/qasm_export_cases" -- "$root/tests/MolForge.Quantum.Tests/References" "$out"
NODE_PATH="$env/node_modules" node "$root/tools/references/qasm_statevectors.js" "$out" 2> >(grep -v -i -E "warning|trace-warnings" >&2)
