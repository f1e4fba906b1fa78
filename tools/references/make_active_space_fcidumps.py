"""Writes active-space FCIDUMP files and Psi4 CASCI (detci) energies for MolForge.Quantum tests.

For each molecule: RHF/STO-3G (scf_type pk, C1 symmetry), MO coefficients and AO integrals from
psi4.core.MintsHelper, then with numpy the active-space integrals for NE electrons in NO spatial orbitals chosen
around the HOMO/LUMO (the NE/2 highest occupied and NO-NE/2 lowest virtual RHF orbitals; the rest of the occupied
orbitals frozen, the rest of the virtuals deleted):
  E_core = E_nuc + sum_c [2 h_cc + sum_d (2 (cc|dd) - (cd|dc))]
  h'_pq  = h_pq + sum_c [2 (pq|cc) - (pc|cq)]
(chemists' notation). Written in FCIDUMP format (Knowles & Handy 1989) with 8-fold symmetry-unique integrals and
the orbital energies of the active orbitals as "e i 0 0 0" lines. The exact reference is Psi4's CASCI with the
same RHF orbitals: energy('detci') with restricted_docc = frozen orbitals and active = NO.
Output: tests/MolForge.Quantum.Tests/References/<name>_<ne>e<no>o.fcidump and casci_reference.tsv.
Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/make_active_space_fcidumps.py
"""
import os
import sys
import numpy as np
import psi4

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/MolForge.Quantum.Tests/References"
os.makedirs(OUT, exist_ok=True)
psi4.set_memory("1 GB")
psi4.set_num_threads(1)
psi4.core.set_output_file("/tmp/molforge_psi4_casci.out", False)

MOLECULES = {
    "h2": ("H 0 0 0\nH 0 0 0.74", [(2, 2)]),
    "lih": ("Li 0 0 0\nH 0 0 1.595", [(2, 2), (4, 4)]),
    "h2o": ("O 0 0 0.1173\nH 0 0.7572 -0.4692\nH 0 -0.7572 -0.4692", [(2, 2), (4, 4)]),
    "n2": ("N 0 0 0\nN 0 0 1.098", [(6, 6)]),
    "ethylene": ("C 0 0 0.6695\nC 0 0 -0.6695\nH 0 0.9289 1.2321\nH 0 -0.9289 1.2321\n"
                 "H 0 0.9289 -1.2321\nH 0 -0.9289 -1.2321", [(4, 4), (6, 6)]),
    "formaldehyde": ("C 0 0 -0.5297\nO 0 0 0.6742\nH 0 0.9377 -1.1164\nH 0 -0.9377 -1.1164", [(4, 4), (6, 6)]),
}


def write_fcidump(path, title, n, nelec, ecore, h, g, eps):
    with open(path, "w") as f:
        f.write(f" &FCI NORB={n:4d},NELEC={nelec:4d},MS2=0,\n  ORBSYM=" + "1," * n + "\n  ISYM=1,\n &END\n")
        for i in range(n):
            for j in range(i + 1):
                for k in range(n):
                    for l in range(k + 1):
                        if i * (i + 1) // 2 + j < k * (k + 1) // 2 + l:
                            continue
                        v = g[i, j, k, l]
                        if abs(v) > 1e-14:
                            f.write(f"{v:28.20E}{i + 1:4d}{j + 1:4d}{k + 1:4d}{l + 1:4d}\n")
        for i in range(n):
            for j in range(i + 1):
                if abs(h[i, j]) > 1e-14:
                    f.write(f"{h[i, j]:28.20E}{i + 1:4d}{j + 1:4d}   0   0\n")
        for i in range(n):
            f.write(f"{eps[i]:28.20E}{i + 1:4d}   0   0   0\n")
        f.write(f"{ecore:28.20E}   0   0   0   0\n")


rows = ["# Psi4 %s, RHF/STO-3G scf_type pk, C1; CASCI = energy('detci') with restricted_docc/active; "
        "made by tools/references/make_active_space_fcidumps.py" % psi4.__version__,
        "name\tnelec_active\tnorb_active\tn_frozen\te_nuc\te_hf\te_casci\tfile"]
for name, (geom, spaces) in MOLECULES.items():
    for ne, no in spaces:
        psi4.core.clean()
        mol = psi4.geometry(geom + "\nsymmetry c1\nno_reorient\nno_com\nunits angstrom\n")
        psi4.set_options({"basis": "sto-3g", "scf_type": "pk", "reference": "rhf", "e_convergence": 1e-12,
                          "d_convergence": 1e-10})
        e_hf, wfn = psi4.energy("scf", return_wfn=True)
        C = np.asarray(wfn.Ca())
        eps_all = np.asarray(wfn.epsilon_a())
        nocc = wfn.nalpha()
        mints = psi4.core.MintsHelper(wfn.basisset())
        H = np.asarray(mints.ao_kinetic()) + np.asarray(mints.ao_potential())
        eri = np.asarray(mints.ao_eri())
        nfrz = nocc - ne // 2
        core = C[:, :nfrz]
        act = C[:, nfrz:nfrz + no]
        # core density and Fock-like contributions in the AO basis
        Dc = core @ core.T
        J = np.einsum("pqrs,rs->pq", eri, Dc)
        K = np.einsum("prqs,rs->pq", eri, Dc)
        e_nuc = mol.nuclear_repulsion_energy()
        e_core = e_nuc + np.sum(Dc * (2 * H + 2 * J - K))
        h_act = act.T @ (H + 2 * J - K) @ act
        g_act = np.einsum("pi,qj,rk,sl,pqrs->ijkl", act, act, act, act, eri, optimize=True)
        fname = f"{name}_{ne}e{no}o.fcidump"
        write_fcidump(os.path.join(OUT, fname), name, no, ne, e_core, h_act, g_act, eps_all[nfrz:nfrz + no])
        psi4.set_options({"restricted_docc": [nfrz], "active": [no], "frozen_docc": [0],
                          "frozen_uocc": [0], "restricted_uocc": [C.shape[1] - nfrz - no],
                          "ci_maxiter": 100, "r_convergence": 1e-10, "e_convergence": 1e-12})
        e_ci = psi4.energy("detci", ref_wfn=wfn)
        psi4.core.clean_options()
        rows.append(f"{name}\t{ne}\t{no}\t{nfrz}\t{e_nuc:.12f}\t{e_hf:.12f}\t{e_ci:.12f}\t{fname}")
        print(rows[-1], flush=True)

with open(os.path.join(OUT, "casci_reference.tsv"), "w") as f:
    f.write("\n".join(rows) + "\n")
