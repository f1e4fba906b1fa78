#!/usr/bin/env python3
"""Psi4 reference energies for MolForge.QChem tests.

Builds geometries with RDKit (ETKDG, seed 42, then MMFF94 minimisation), writes them as XYZ (Angstrom) to
tests/MolForge.QChem.Tests/References/geometries/, runs Psi4 RHF (scf_type pk, e/d_convergence 1e-10,
puream false, symmetry c1, no reorientation) and CASCI via detci (restricted_docc/active around HOMO/LUMO),
and writes tests/MolForge.QChem.Tests/References/psi4_references.json.

Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/make_psi4_references.py
"""
import json, os, sys, time
from rdkit import Chem
from rdkit.Chem import AllChem
import psi4

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "MolForge.QChem.Tests", "References")
GEO = os.path.join(OUT, "geometries")

# name, smiles, charge, bases, casci spaces (NE,NO)
CAS = [(2, 2), (4, 4), (6, 6)]
MOLECULES = [
    ("water", "O", 0, ["sto-3g", "6-31g", "6-31g*"], CAS),
    ("ammonia", "N", 0, ["sto-3g", "6-31g", "6-31g*"], CAS),
    ("methane", "C", 0, ["sto-3g", "6-31g"], CAS),
    ("hydrogen_fluoride", "F", 0, ["sto-3g", "6-31g"], CAS),
    ("lithium_hydride", "[LiH]", 0, ["sto-3g", "6-31g"], [(2, 2)]),
    ("hydrogen_sulfide", "S", 0, ["sto-3g", "6-31g"], CAS),
    ("hydrogen_chloride", "Cl", 0, ["sto-3g", "6-31g"], CAS),
    ("ethylene", "C=C", 0, ["sto-3g", "6-31g", "6-31g*"], CAS),
    ("acetylene", "C#C", 0, ["sto-3g", "6-31g"], CAS),
    ("formaldehyde", "C=O", 0, ["sto-3g", "6-31g", "6-31g*"], CAS),
    ("methanol", "CO", 0, ["sto-3g", "6-31g"], CAS),
    ("hydrogen_cyanide", "C#N", 0, ["sto-3g", "6-31g"], CAS),
    ("ethane", "CC", 0, ["sto-3g", "6-31g"], CAS),
    ("acetonitrile", "CC#N", 0, ["sto-3g", "6-31g"], CAS),
    ("formic_acid", "OC=O", 0, ["sto-3g", "6-31g"], CAS),
    ("urea", "NC(N)=O", 0, ["sto-3g", "6-31g"], CAS),
    ("acetone", "CC(C)=O", 0, ["sto-3g", "6-31g"], CAS),
    ("glycine", "NCC(=O)O", 0, ["sto-3g", "6-31g"], CAS),
    ("benzene", "c1ccccc1", 0, ["sto-3g", "6-31g"], CAS),
    ("pyridine", "c1ccncc1", 0, ["sto-3g", "6-31g"], CAS),
    ("phenol", "Oc1ccccc1", 0, ["sto-3g", "6-31g"], CAS),
    ("ammonium", "[NH4+]", 1, ["sto-3g", "6-31g"], CAS),
    ("hydroxide", "[OH-]", -1, ["sto-3g", "6-31g"], CAS),
    ("hydronium", "[OH3+]", 1, ["sto-3g", "6-31g"], CAS),
    ("acetate", "CC(=O)[O-]", -1, ["sto-3g", "6-31g"], CAS),
    ("aspirin", "CC(=O)Oc1ccccc1C(=O)O", 0, ["sto-3g", "6-31g"], CAS),
    ("caffeine", "Cn1cnc2c1c(=O)n(C)c(=O)n2C", 0, ["sto-3g", "6-31g"], CAS),
]


def make_xyz(name, smiles):
    mol = Chem.AddHs(Chem.MolFromSmiles(smiles))
    params = AllChem.ETKDGv3()
    params.randomSeed = 42
    if AllChem.EmbedMolecule(mol, params) != 0:
        raise RuntimeError("embedding failed for " + name)
    if mol.GetNumAtoms() > 1:
        AllChem.MMFFOptimizeMolecule(mol, maxIters=2000)
    conf = mol.GetConformer()
    lines = [str(mol.GetNumAtoms()), name]
    for atom in mol.GetAtoms():
        p = conf.GetAtomPosition(atom.GetIdx())
        lines.append("%-2s %14.8f %14.8f %14.8f" % (atom.GetSymbol(), p.x, p.y, p.z))
    text = "\n".join(lines) + "\n"
    with open(os.path.join(GEO, name + ".xyz"), "w") as f:
        f.write(text)
    return "\n".join(lines[2:])


def main():
    os.makedirs(GEO, exist_ok=True)
    psi4.set_memory("1 GB")
    psi4.set_num_threads(1)
    psi4.core.set_output_file("/tmp/psi4_refs.out", False)
    only = set(sys.argv[1:])
    results = []
    for name, smiles, charge, bases, spaces in MOLECULES:
        if only and name not in only:
            continue
        atoms = make_xyz(name, smiles)
        for basis in bases:
            psi4.core.clean()
            psi4.core.clean_options()
            mol = psi4.geometry("%d 1\n%s\nunits angstrom\nsymmetry c1\nno_reorient\nno_com\n" % (charge, atoms))
            psi4.set_options({"basis": basis, "scf_type": "pk", "e_convergence": 1e-10, "d_convergence": 1e-10,
                              "puream": False, "reference": "rhf", "maxiter": 200})
            t0 = time.time()
            e, wfn = psi4.energy("scf", return_wfn=True, molecule=mol)
            eps = [float(x) for x in wfn.epsilon_a().to_array()]
            nocc = wfn.nalpha()
            entry = {"name": name, "smiles": smiles, "charge": charge, "basis": basis,
                     "n_basis": wfn.nso(), "n_electrons": 2 * nocc, "e_nuc": mol.nuclear_repulsion_energy(),
                     "e_hf": e, "homo": eps[nocc - 1], "lumo": eps[nocc] if nocc < len(eps) else None,
                     "orbital_energies": eps, "scf_seconds": time.time() - t0, "casci": []}
            if basis != "6-31g*":
                for ne, no in spaces:
                    docc = nocc - ne // 2
                    if docc < 0 or docc + no > len(eps):
                        continue
                    psi4.set_options({"restricted_docc": [docc], "active": [no], "r_convergence": 1e-9,
                                      "e_convergence": 1e-10, "ci_maxiter": 100})
                    ecas = psi4.energy("detci", ref_wfn=wfn, molecule=mol)
                    entry["casci"].append({"ne": ne, "no": no, "energy": ecas})
                    psi4.core.clean()
            results.append(entry)
            print("%-18s %-7s nbf=%4d E=%.10f  %s" % (name, basis, entry["n_basis"], e,
                  " ".join("CAS(%d,%d)=%.10f" % (c["ne"], c["no"], c["energy"]) for c in entry["casci"])), flush=True)
    out = os.path.join(OUT, "psi4_references.json" if not only else "psi4_references.partial.json")
    with open(out, "w") as f:
        json.dump({"program": "Psi4 " + psi4.__version__, "rdkit": Chem.rdBase.rdkitVersion,
                   "settings": "RHF scf_type pk, e/d_convergence 1e-10, puream false, symmetry c1; CASCI: detci restricted_docc/active",
                   "molecules": results}, f, indent=1)


if __name__ == "__main__":
    main()
