"""Times Psi4 1.3.2's conventional MP2 beside `molforge qchem --method mp2` (report figures, not test data).

For each geometry of tests/MolForge.QChem.Tests/References/geometries named on the command line (or an .xyz path):
RHF (scf_type pk, e/d_convergence 1e-8, puream false as MolForge's Cartesian basis sets) and MP2 (mp2_type conv,
the OCC module), in the basis given by MP2_BASIS (default 6-31g*); prints wall and process CPU seconds of the SCF and
of the MP2 step and the energies. Optional FROZEN_CORE=1 freezes 1 orbital per Li-Ne atom.
Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/bench_psi4_mp2.py benzene aspirin
"""
import os
import sys
import time

import psi4

GEO = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "MolForge.QChem.Tests", "References", "geometries")


def main():
    basis = os.environ.get("MP2_BASIS", "6-31g*")
    psi4.set_memory(os.environ.get("PSI4_MEMORY", "2 GB"))
    psi4.set_num_threads(int(os.environ.get("PSI4_THREADS", "2")))
    psi4.core.set_output_file("/tmp/psi4_mp2_bench.out", False)
    for name in sys.argv[1:]:
        path = name if name.endswith(".xyz") else os.path.join(GEO, name + ".xyz")
        with open(path) as f:
            lines = f.readlines()
        atoms = "".join(lines[2:])
        psi4.core.clean()
        psi4.core.clean_options()
        mol = psi4.geometry("0 1\n%s\nunits angstrom\nsymmetry c1\nno_reorient\nno_com\n" % atoms)
        nfz = 0
        if os.environ.get("FROZEN_CORE") == "1":
            nfz = sum(1 for i in range(mol.natom()) if 2 < mol.Z(i) <= 10)
        psi4.set_options({"basis": basis, "scf_type": "pk", "mp2_type": "conv", "e_convergence": 1e-8,
                          "d_convergence": 1e-8, "puream": False, "reference": "rhf", "num_frozen_docc": nfz})
        w0, c0 = time.time(), time.process_time()
        e, wfn = psi4.energy("scf", return_wfn=True, molecule=mol)
        ws, cs = time.time() - w0, time.process_time() - c0
        w0, c0 = time.time(), time.process_time()
        emp2 = psi4.energy("mp2", ref_wfn=wfn, molecule=mol)
        wm, cm = time.time() - w0, time.process_time() - c0
        print("%s %s nbf=%d nocc=%d fc=%d  scf %.2f s wall %.2f s cpu  mp2 %.2f s wall %.2f s cpu  E(HF)=%.10f E(MP2)=%.10f Ec=%.10f" % (
            name, basis, wfn.nso(), wfn.nalpha(), nfz, ws, cs, wm, cm, e, emp2, emp2 - e), flush=True)


if __name__ == "__main__":
    main()
