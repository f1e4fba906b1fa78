"""UFF reference energies from RDKit (2022.09.3) for tests/MolForge.Chem.Tests/References/uff_reference.sdf.gz.

Each molecule is embedded with ETKDG (fixed seed), then RDKit's UFFGetMoleculeForceField (defaults: vdW threshold
100, no electrostatics, no inter-fragment terms) is evaluated on that geometry.  Aromatic bonds are written as
bond order 4 (kekulize=False) so the reader sees RDKit's aromaticity; charges go to M  CHG.
Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/make_uff_references.py
"""
import gzip
import sys
from rdkit import Chem
from rdkit.Chem import AllChem
from rdkit.Chem import rdForceFieldHelpers as ffh

SMILES = [
    ("ethane", "CC"),
    ("propene", "CC=C"),
    ("acetylene_methyl", "CC#C"),
    ("benzene", "c1ccccc1"),
    ("toluene", "Cc1ccccc1"),
    ("ethanol", "CCO"),
    ("acetic_acid", "CC(=O)O"),
    ("n_methylacetamide", "CC(=O)NC"),
    ("pyridine", "c1ccncc1"),
    ("dimethyl_ether", "COC"),
    ("hydrogen_peroxide_dimethyl", "COOC"),
    ("phenylboronic_acid", "OB(O)c1ccccc1"),
    ("methylboronic_acid", "CB(O)O"),
    ("selenophene", "c1cc[se]c1"),  # RDKit types aromatic Se as Se2+2, which has no parameters: skipped
    ("dimethylselenide", "C[Se]C"),
    ("tetramethylsilane", "C[Si](C)(C)C"),
    ("trimethylsilanol", "C[Si](C)(C)O"),
    ("tetramethylgermane", "C[Ge](C)(C)C"),
    ("tetramethyltin", "C[Sn](C)(C)C"),
    ("trimethylphosphine", "CP(C)C"),
    ("dimethylsulfide", "CSC"),
    ("thiophene", "c1ccsc1"),
    ("chlorobenzene", "Clc1ccccc1"),
    ("acetone", "CC(C)=O"),
    ("methylammonium", "C[NH3+]"),
    ("triethylborane", "CCB(CC)CC"),
    ("dimethylsulfoxide", "CS(C)=O"),
    ("methanesulfonamide", "CS(N)(=O)=O"),
    ("nitrobenzene", "O=[N+]([O-])c1ccccc1"),
    ("acetate", "CC(=O)[O-]"),
    ("methyl_acetate", "CC(=O)OC"),
    ("aniline", "Nc1ccccc1"),
    ("imidazole", "c1c[nH]cn1"),
    ("furan", "c1ccoc1"),
    ("naphthalene", "c1ccc2ccccc2c1"),
    ("butadiene", "C=CC=C"),
    ("acetonitrile", "CC#N"),
    ("cyclopropane", "C1CC1"),
    ("trimethylphosphate", "COP(=O)(OC)OC"),
    ("triphenylborane_like_tolylboronic", "Cc1ccc(B(O)O)cc1"),
    ("trimethylarsine", "C[As](C)C"),
    ("sulfur_hexafluoride", "FS(F)(F)(F)(F)F"),
    ("phosphorus_pentafluoride", "FP(F)(F)(F)F"),
]


def main(out):
    with gzip.open(out, "wt", newline="\n") as f:
        for name, smi in SMILES:
            mol = Chem.AddHs(Chem.MolFromSmiles(smi))
            if AllChem.EmbedMolecule(mol, randomSeed=42) != 0:
                print("embed failed", name, file=sys.stderr)
                continue
            if not ffh.UFFHasAllMoleculeParams(mol):
                print("no UFF params", name, file=sys.stderr)
                continue
            # Round to the 4 decimals the molblock keeps, so the recorded energy belongs to the written geometry.
            conf = mol.GetConformer()
            for i in range(mol.GetNumAtoms()):
                q = conf.GetAtomPosition(i)
                conf.SetAtomPosition(i, (round(q.x, 4), round(q.y, 4), round(q.z, 4)))
            ff = ffh.UFFGetMoleculeForceField(mol)
            pos = ff.Positions()
            e = ff.CalcEnergy(pos)
            mol.SetProp("_Name", name)
            block = Chem.MolToMolBlock(mol, kekulize=False)
            f.write(block)
            f.write("> <smiles>\n%s\n\n" % smi)
            f.write("> <uff_energy>\n%.6f\n\n" % e)
            f.write("> <hybridization>\n%s\n\n" % " ".join(str(a.GetHybridization()) for a in mol.GetAtoms()))
            f.write("$$$$\n")
            print(name, e, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/MolForge.Chem.Tests/References/uff_reference.sdf.gz")
