// Parses the OpenQASM that MolForge exports with an outside parser and simulator -- the npm package
// quantum-circuit (Quantastica; ANTLR-based OpenQASM 2.0 importer) -- and writes each circuit's final state vector.
// quantum-circuit reads OpenQASM 2.0 only, so the OpenQASM 3 header and declarations are mapped one to one onto their
// 2.0 forms (OPENQASM 3.0 -> 2.0, stdgates.inc -> qelib1.inc, qubit[n] q -> qreg q[n], bit[n] c -> creg c[n],
// c = measure q -> measure q -> c); gate statements pass through unchanged except U(θ,φ,λ) -> u3(θ,φ,λ) (the same
// matrix up to a global phase; quantum-circuit ignores the upper-case builtin) and gphase (a global phase) is dropped.
// States are therefore equal to ours up to a global phase. Index convention checked below: qubit 0 = least
// significant bit, as in MolForge.
// Usage: node qasm_statevectors.js DIR   (reads DIR/*.qasm, writes DIR/NAME.statevector.tsv: index, re, im)
const fs = require("fs");
const path = require("path");
const QuantumCircuit = require("quantum-circuit");

function toQasm2(src) {
  const out = [];
  for (const raw of src.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    let m;
    if (line === "OPENQASM 3.0;" || line === "OPENQASM 3;") out.push("OPENQASM 2.0;");
    else if (line === 'include "stdgates.inc";') out.push('include "qelib1.inc";');
    else if ((m = /^qubit\[(\d+)\] (\w+);$/.exec(line))) out.push(`qreg ${m[2]}[${m[1]}];`);
    else if ((m = /^bit\[(\d+)\] (\w+);$/.exec(line))) out.push(`creg ${m[2]}[${m[1]}];`);
    else if ((m = /^(\w+) = measure (\w+);$/.exec(line))) out.push(`measure ${m[2]} -> ${m[1]};`);
    else if (line.startsWith("gphase(")) continue;
    else if (line.startsWith("U(")) out.push("u3(" + line.slice(2));
    else out.push(line);
  }
  return out.join("\n") + "\n";
}

function simulate(qasm2, qubits) {
  const c = new QuantumCircuit();
  let errors = [];
  c.importQASM(qasm2, (e) => { errors = e || []; });
  if (errors.length) throw new Error("quantum-circuit could not parse: " + JSON.stringify(errors));
  if (c.numQubits !== qubits) throw new Error(`parsed ${c.numQubits} qubits, expected ${qubits}`);
  c.run();
  return c.stateAsArray(false).map((s) => [s.index, s.amplitude.re, s.amplitude.im]);
}

// the bit-order check: x on qubit 0 of 2 must give basis state 1
const probe = simulate('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nx q[0];\nx q[1];\nx q[1];\n', 2);
if (Math.abs(probe[1][1] - 1) > 1e-12) throw new Error("unexpected qubit order in quantum-circuit: " + JSON.stringify(probe));

const dir = process.argv[2];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".qasm")).sort()) {
  const src = fs.readFileSync(path.join(dir, file), "utf8");
  const qubits = Number(/qubit\[(\d+)\]/.exec(src)[1]);
  const state = simulate(toQasm2(src), qubits);
  const norm = state.reduce((a, s) => a + s[1] * s[1] + s[2] * s[2], 0);
  const lines = ["# index\tre\tim   (quantum-circuit " + require("quantum-circuit/package.json").version + ", from " + file + ")"];
  for (const [i, re, im] of state) lines.push(`${i}\t${re.toPrecision(17)}\t${im.toPrecision(17)}`);
  fs.writeFileSync(path.join(dir, file.replace(/\.qasm$/, ".statevector.tsv")), lines.join("\n") + "\n");
  console.log(`${file}: ${qubits} qubits, ${src.split("\n").length} lines, norm ${norm.toFixed(15)}`);
}
