"""Times Psi4 1.3.2's CASCI set-up beside MolForge's active-space step (issue 9 report, not test data).

For each geometry of tests/MolForge.QChem.Tests/References/geometries given on the command line: RHF/STO-3G
(scf_type pk, as MolForge's stored-integral SCF), then detci with restricted_docc/active for (2,2), (4,4), (6,6);
prints wall and process CPU seconds per step. detci's time is dominated by the MO integral transformation for such
small active spaces. Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/bench_psi4_active_space.py caffeine aspirin
"""
import os
import sys
import time

import psi4

GEO = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "MolForge.QChem.Tests", "References", "geometries")


def main():
    psi4.set_memory("2 GB")
    psi4.set_num_threads(int(os.environ.get("PSI4_THREADS", "2")))
    psi4.core.set_output_file("/tmp/psi4_active_bench.out", False)
    for name in sys.argv[1:]:
        # a test-suite geometry by name, or any .xyz path (comment line "charge Q" gives the charge)
        path = name if name.endswith(".xyz") else os.path.join(GEO, name + ".xyz")
        with open(path) as f:
            lines = f.readlines()
        atoms = "".join(lines[2:])
        charge = int(lines[1].split()[1]) if lines[1].startswith("charge ") else 0
        psi4.core.clean()
        psi4.core.clean_options()
        mol = psi4.geometry("%d 1\n%s\nunits angstrom\nsymmetry c1\nno_reorient\nno_com\n" % (charge, atoms))
        psi4.set_options({"basis": "sto-3g", "scf_type": "pk", "e_convergence": 1e-8, "d_convergence": 1e-8,
                          "puream": False, "reference": "rhf"})
        w0, c0 = time.time(), time.process_time()
        e, wfn = psi4.energy("scf", return_wfn=True, molecule=mol)
        print("%s nbf=%d rhf %.2f s wall %.2f s cpu E=%.10f" % (name, wfn.nso(), time.time() - w0, time.process_time() - c0, e), flush=True)
        nocc = wfn.nalpha()
        for k in (2, 4, 6):
            psi4.set_options({"restricted_docc": [nocc - k // 2], "active": [k], "r_convergence": 1e-7, "e_convergence": 1e-9})
            w0, c0 = time.time(), time.process_time()
            ecas = psi4.energy("detci", ref_wfn=wfn, molecule=mol)
            print("  detci (%d,%d) %.2f s wall %.2f s cpu E=%.10f" % (k, k, time.time() - w0, time.process_time() - c0, ecas), flush=True)


if __name__ == "__main__":
    main()
