"""Times Psi4 1.3.2's RHF (scf_type pk) beside `molforge bench rhf` (report figures, not test data).

Arguments: BASIS then .xyz paths or names of tests/MolForge.QChem.Tests/References/geometries. Same settings as the
golden references: e/d_convergence 1e-8, puream false (MolForge's Cartesian basis sets), symmetry c1, SAD guess.
Prints wall and process CPU seconds, iterations and the energy.
Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/bench_psi4_rhf.py 6-31g* caffeine aspirin
"""
import os
import sys
import time

import psi4

GEO = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "MolForge.QChem.Tests", "References", "geometries")


def main():
    basis = sys.argv[1]
    psi4.set_memory(os.environ.get("PSI4_MEMORY", "2 GB"))
    psi4.set_num_threads(int(os.environ.get("PSI4_THREADS", "2")))
    psi4.core.set_output_file("/tmp/psi4_rhf_bench.out", False)
    for name in sys.argv[2:]:
        path = name if name.endswith(".xyz") else os.path.join(GEO, name + ".xyz")
        with open(path) as f:
            lines = f.readlines()
        atoms = "".join(lines[2:])
        psi4.core.clean()
        psi4.core.clean_options()
        mol = psi4.geometry("0 1\n%s\nunits angstrom\nsymmetry c1\nno_reorient\nno_com\n" % atoms)
        psi4.set_options({"basis": basis, "scf_type": "pk", "e_convergence": 1e-8, "d_convergence": 1e-8,
                          "puream": False, "reference": "rhf"})
        w0, c0 = time.time(), time.process_time()
        e, wfn = psi4.energy("scf", return_wfn=True, molecule=mol)
        w, c = time.time() - w0, time.process_time() - c0
        iters = int(psi4.core.variable("SCF ITERATIONS")) if psi4.core.has_variable("SCF ITERATIONS") else -1
        print("%s %s nbf=%d iter=%d  %.2f s wall %.2f s cpu  E(HF)=%.10f  load=%s" % (
            os.path.basename(name), basis, wfn.nso(), iters, w, c, e, os.getloadavg()), flush=True)


if __name__ == "__main__":
    main()
