#!/usr/bin/env python3
"""Psi4 MP2 references for MolForge.QChem's Mp2Solver (conventional closed-shell RHF-MP2).

For the geometries in tests/MolForge.QChem.Tests/References/geometries (made by make_psi4_references.py), in STO-3G
and 6-31G* (puream false, symmetry c1, no reorientation): Psi4 1.3.2 RHF (scf_type pk, e/d_convergence 1e-10), then
MP2 (mp2_type conv) with all electrons and with a frozen core (num_frozen_docc = 1 per first-row atom Li-Ne, 5 per
second-row atom Na-Ar). For each, the unrelaxed MP2 one-particle density is built here with numpy from Psi4's MO
integrals (MintsHelper.mo_eri (ia|jb)) and orbital energies, with the standard closed-shell expressions
  t_ij^ab = (ia|jb) / (e_i + e_j - e_a - e_b),  t~_ij^ab = 2 t_ij^ab - t_ij^ba,
  P_ij = 2 delta_ij - 2 sum_kab t_ik^ab t~_jk^ab,   P_ab = 2 sum_ijc t_ij^ac t~_ij^bc
(frozen orbitals keep occupation 2), and its eigenvalues (the natural occupation numbers) are stored in descending
order. The numpy MP2 energy from the same amplitudes is checked against Psi4's before anything is written.

Writes tests/MolForge.QChem.Tests/References/psi4_mp2_references.json.
Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/make_psi4_mp2_references.py
"""
import json, os, time
import numpy as np
import psi4

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "MolForge.QChem.Tests", "References")
GEO = os.path.join(OUT, "geometries")

# name, charge, bases
MOLECULES = [
    ("water", 0, ["sto-3g", "6-31g*"]),
    ("ammonia", 0, ["sto-3g", "6-31g*"]),
    ("methane", 0, ["sto-3g", "6-31g*"]),
    ("hydrogen_fluoride", 0, ["sto-3g", "6-31g*"]),
    ("hydrogen_sulfide", 0, ["sto-3g", "6-31g*"]),
    ("ethylene", 0, ["sto-3g", "6-31g*"]),
    ("formaldehyde", 0, ["sto-3g", "6-31g*"]),
    ("hydrogen_cyanide", 0, ["sto-3g"]),
    ("methanol", 0, ["sto-3g", "6-31g*"]),
    ("hydroxide", -1, ["sto-3g", "6-31g*"]),
    ("ammonium", 1, ["sto-3g"]),
    ("benzene", 0, ["sto-3g"]),
    ("pyridine", 0, ["sto-3g"]),
]


def frozen_core(zs):
    n = 0
    for z in zs:
        if z > 18:
            raise ValueError("no frozen-core rule beyond argon")
        n += 5 if z > 10 else 1 if z > 2 else 0
    return n


def natural_occupations(ovov, eps, nocc, nfz):
    """MP2 unrelaxed density eigenvalues from (ia|jb) over the active occupied (nfz..nocc-1) and all virtuals."""
    eo = eps[nfz:nocc]
    ev = eps[nocc:]
    d = eo[:, None, None, None] + eo[None, None, :, None] - ev[None, :, None, None] - ev[None, None, None, :]
    t = ovov / d                                   # t[i,a,j,b]
    t = t.transpose(0, 2, 1, 3)                    # t[i,j,a,b]
    tt = 2 * t - t.transpose(0, 1, 3, 2)
    k = ovov.transpose(0, 2, 1, 3)
    e_corr = float(np.einsum("ijab,ijab->", k, tt))
    pij = -2 * np.einsum("ikab,jkab->ij", t, tt)
    pab = 2 * np.einsum("ijac,ijbc->ab", t, tt)
    occ_block = 2 * np.eye(nocc)
    occ_block[nfz:, nfz:] += pij
    occ = np.concatenate([np.linalg.eigvalsh(occ_block), np.linalg.eigvalsh(pab)])
    return e_corr, sorted((float(x) for x in occ), reverse=True)


def main():
    psi4.set_memory("2 GB")
    psi4.set_num_threads(1)
    psi4.core.set_output_file("/tmp/psi4_mp2_refs.out", False)
    results = []
    for name, charge, bases in MOLECULES:
        with open(os.path.join(GEO, name + ".xyz")) as f:
            atoms = "".join(f.readlines()[2:])
        for basis in bases:
            for fc_on in (False, True):
                psi4.core.clean()
                psi4.core.clean_options()
                mol = psi4.geometry("%d 1\n%s\nunits angstrom\nsymmetry c1\nno_reorient\nno_com\n" % (charge, atoms))
                zs = [int(mol.Z(i)) for i in range(mol.natom())]
                nfz = frozen_core(zs) if fc_on else 0
                psi4.set_options({"basis": basis, "scf_type": "pk", "mp2_type": "conv", "e_convergence": 1e-10,
                                  "d_convergence": 1e-10, "puream": False, "reference": "rhf", "maxiter": 200,
                                  "num_frozen_docc": nfz})
                t0 = time.time()
                e, wfn = psi4.energy("mp2", return_wfn=True, molecule=mol)
                seconds = time.time() - t0
                e_hf = psi4.variable("SCF TOTAL ENERGY")
                e_corr = psi4.variable("MP2 CORRELATION ENERGY")
                nocc = wfn.nalpha()
                eps = np.asarray(wfn.epsilon_a())
                c = wfn.Ca()
                mints = psi4.core.MintsHelper(wfn.basisset())
                nmo = c.shape[1]
                cocc = psi4.core.Matrix.from_array(np.asarray(c)[:, nfz:nocc])
                cvir = psi4.core.Matrix.from_array(np.asarray(c)[:, nocc:nmo])
                ovov = np.asarray(mints.mo_eri(cocc, cvir, cocc, cvir))
                e_np, occupations = natural_occupations(ovov, eps, nocc, nfz)
                if abs(e_np - e_corr) > 1e-9:
                    raise RuntimeError("%s %s fc=%d: numpy MP2 %.12f vs Psi4 %.12f" % (name, basis, nfz, e_np, e_corr))
                results.append({"name": name, "charge": charge, "basis": basis, "n_basis": wfn.nso(),
                                "n_electrons": 2 * nocc, "frozen_core": nfz, "e_hf": e_hf,
                                "e_mp2_correlation": e_corr, "e_mp2": e, "e_mp2_correlation_numpy": e_np,
                                "no_occupations": occupations, "psi4_seconds": seconds})
                print("%-18s %-7s fc=%d nbf=%3d E(HF)=%.10f Ec(MP2)=%.10f  n_HONO=%.6f n_LUNO=%.6f" % (
                    name, basis, nfz, wfn.nso(), e_hf, e_corr, occupations[nocc - 1], occupations[nocc]), flush=True)
    with open(os.path.join(OUT, "psi4_mp2_references.json"), "w") as f:
        json.dump({"program": "Psi4 " + psi4.__version__,
                   "settings": "RHF scf_type pk, e/d_convergence 1e-10, puream false, symmetry c1; MP2 mp2_type conv "
                               "(OCC module), num_frozen_docc = frozen_core; no_occupations: eigenvalues of the "
                               "unrelaxed MP2 density built with numpy from MintsHelper.mo_eri, descending",
                   "molecules": results}, f, indent=1)


if __name__ == "__main__":
    main()
