#!/usr/bin/env python3
"""Reference data for MolForge's SMILES reader, sanitisation and canonical writer, made with RDKit 2022.09.3.

Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/make_smiles_references.py
Writes tests/MolForge.Chem.Tests/References/smiles_reference.jsonl.gz (one JSON object per molecule:
input SMILES, RDKit canonical isomeric SMILES, and per atom in input order: total H count, aromatic flag,
formal charge) and smiles_invalid.jsonl.gz (input and RDKit's verdict/message).
Sources: /work/shared/data (approved_drugs, zinc250k, qm9_1k; see its README) plus hand-picked hard cases.
"""
import csv, gzip, io, json, os, random, sys
from rdkit import Chem, RDLogger, rdBase

RDLogger.DisableLog("rdApp.*")
DATA = "/work/shared/data"
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "MolForge.Chem.Tests", "References")

HARD = [
    # stereo, E/Z
    "C[C@H](N)C(=O)O", "C[C@@H](N)C(=O)O", "N[C@@H](Cc1ccccc1)C(=O)O", "F[C@H](Cl)Br", "[C@H](F)(Cl)Br",
    "C/C=C/C", "C/C=C\\C", "F/C=C/F", "F/C=C\\F", "C/C=C/C=C/C", "C\\C=C/C=C/C(=O)O", "CC/C(C)=C(\\C)CC",
    "C[C@H]1CC[C@@H](C)CC1", "C[C@H]1CC[C@H](C)CC1", "O[C@H]1[C@H](O)[C@@H](O)[C@H](O)[C@@H](O)[C@@H]1O",
    "C[C@@]12CC[C@H]3[C@@H](CC=C4C[C@@H](O)CC[C@@]43C)[C@@H]1CC[C@@H]2O", "C[S@](=O)c1ccccc1", "C[S@@+]([O-])c1ccccc1",
    "[C@@H]1(F)CCC1Cl", "OC[C@H]1OC(O)[C@H](O)[C@@H](O)[C@@H]1O", "C1CCCC/C=C/CCC1", "C1CC/C=C\\CC1",
    # charges, isotopes
    "[NH4+]", "[O-]C(=O)C", "C[N+](C)(C)C", "[2H]C([2H])([2H])O", "[13CH4]", "[18F]c1ccccc1", "[Na+].[Cl-]",
    "[O-][N+](=O)c1ccccc1", "CN(=O)=O", "c1cc[n+]([O-])cc1", "C[n+]1ccccc1", "[Cu+2]", "[Fe+3]", "[Mg+2].[O-]C(=O)C.[O-]C(=O)C",
    "[BH4-]", "[B-](F)(F)(F)F", "[Zn+2].[Cl-].[Cl-]", "[K+].[O-]S(=O)(=O)c1ccccc1", 
    "O=[Cl](=O)(=O)[O-]", "[Li+].[H-]", "[CH3]", "[CH2]", "[C]", "[OH-]", "[H+]", "[H][H]", "[SiH4]", "[Se]",
    "C[Se]C", "c1cc[se]c1", "c1cc[te]c1", "[nH]1cccc1",
    # fused heteroaromatics, tautomers
    "c1ccc2[nH]ccc2c1", "c1ccc2c(c1)[nH]c1ccccc12", "c1cnc2[nH]cnc2c1", "c1ncc2nc[nH]c2n1", "Cn1cnc2c1c(=O)n(C)c(=O)n2C",
    "O=c1[nH]cnc2[nH]cnc12", "c1ccc2ncccc2c1", "c1ccc2cc3ccccc3cc2c1", "c1ccc2c(c1)ccc1ccccc12", "c1cc2ccc3cccc4ccc(c1)c2c34",
    "c1ccc2ccccc2c1", "c1ccc2cccc-2cc1", "C1=CC2=CC=CC2=C1", "c1cc2cccc2c1", "O=c1ccocc1", "O=c1cccc[nH]1", "Oc1ccccn1",
    "c1ccoc1", "c1ccsc1", "c1cn[nH]c1", "c1c[nH]cn1", "c1nc[nH]n1", "c1nnn[nH]1", "Cc1ncc[nH]1", "c1ccc2occc2c1",
    "c1ccc2sccc2c1", "n1ccccc1", "c1cncnc1", "c1ncncn1", "c1ccc2[nH]nnc2c1", "O=C1C=CC(=O)C=C1", "C1=CC=CC=C1",
    "c1ccc(cc1)-c1ccccc1", "c1ccc(cc1)c1ccccc1", "[cH-]1cccc1",  "C1=C[CH+]C=C1", "c1ccc[cH-]1",
    "o1cccc1", "B1=CC=CC=C1", "c1ccbcc1", "C1=CC=CC=CC=C1",  "C1=CC=CC=CC=CC=C1",
     "c1ccc2nc3ccccc3cc2c1", "Cn1c(=O)c2c(ncn2C)n(C)c1=O", "O=S1(=O)C=CC=C1", "O=c1ccc(=O)[nH][nH]1",
    "c1ccc2c(c1)oc1ccccc12", "c1cc2ccc(cc2cc1)N", "Nc1nc(N)c2nc[nH]c2n1", "C1=CNC=C1", "N1C=CC=C1", "c1cc[nH]c1",
    # N-oxides, nitro, sulfonyl, phosphates
    "C[N+](C)([O-])C", "CN(C)(C)=O", "O=P(O)(O)O", "COP(=O)(OC)OC", "CS(=O)(=O)N", "CS(C)=O", "O=[N+]([O-])[O-]",
    "[O-][n+]1ccccc1", "O=n1ccccc1", "C=[N+]=[N-]", "CN=[N+]=[N-]", "[N-]=[N+]=Nc1ccccc1", "C[N+]#[C-]", "C#N", "OC#N",
    "S=C=S", "O=C=O", "C=C=C", "O=[Se]=O", "OS(=O)(=O)O", "F[S](F)(F)(F)(F)F", "ClP(Cl)(Cl)(Cl)Cl", "[I-]", "I(=O)(=O)O",
    # macrocycles, cages, spiro, bridged
    "C1CCCCCCCCCCC1", "C1CC2CCC1C2", "C12C3C4C1C5C2C3C45", "C1C2CC3CC1CC(C2)C3", "C1CCC2(CC1)CCCC2", "C1CC2CC1C=C2",
    "C1CC2CCC1CC2", "C1C2C3C1C23", "O=C1CC[C@@H]2[C@H]1CC[C@H]1[C@@H]2CC[C@]2(C)CCC[C@@H]12",
     "C1CC1", "C1CCC1",
    "c1cc2ccc3ccc4ccc5ccc6ccc1c1c2c3c4c5c61",
    # porphyrin, azulene, misc
    "c1cc2cc3ccc(cc4ccc(cc5ccc(cc1n2)[nH]5)n4)[nH]3", "c1ccc2cccc2cc1", "C1=CC=C2C=CC=C2C=C1", "Cc1ccc2c(C)cc(C(C)C)cc-2c1",
    "*c1ccccc1", "*C", "[*]C(=O)O", "c1ccccc1*", "[Na]", "[Na]Cl", "C[Mg]Br", "[Si](C)(C)(C)C", "CC(C)(C)[Si](C)(C)O",
    "[nH]1c2ccccc2c2ccccc12", "C(=O)O.[NH3]", "CC(=O)[O-].[Na+]", "c1ccccc1.c1ccccc1", "CCO CCO", "[CH3:1][OH:2]",
    "OC(=O)C(N)Cc1c[nH]c2ccccc12", "CC(C)Cc1ccc(cc1)[C@@H](C)C(=O)O", "CN1CCC[C@H]1c1cccnc1",
    "C[C@H]([NH3+])C(=O)[O-]", "[O-]c1ccccc1", "[NH3+]CC([O-])=O", "C[n+]1cccc2ccccc21", "c1cc[o+]cc1", "c1cc[s+]cc1",
    "N#Cc1ccccc1", "c1ccc2c(c1)C(=O)c1ccccc1C2=O", "O=C1NC(=O)c2ccccc21", "O=c1[nH]c(=O)c2ccccc2[nH]1",
    "C1=CC(=O)C=CC1=O", "Cc1cc(=O)oc2ccccc12", "c1ccc2c(c1)ccc1c2ccc2ccccc21",
]

INVALID = [
    "C1CC", "CC)C", "C(C", "C((C)", "[C", "C]", "c1cccc1", "c1ccccc1c", "CN(C)(C)(C)C", "C(C)(C)(C)(C)C", "[Xx]",
    "X", "C%1", "C%", "C=", "=C", "C==C", "[C@]", "c1cccn1", "O(C)(C)C", "F(C)C", "[NH5]", "C1CC1C1", "C11",
    "C1CC1=1", "[H+2]", "[C+99]", "Cl(C)C", "B(C)(C)(C)C", "c", "cc", "C..C", "C.", ".C", "C(=)C", "C1.C1", "n1cccc1",
    "c1ncnc1", "O=c1cccc1", "C#C#C", "[CH5]", "N(=O)(=O)=O", "()", "C()C", "C=1CC-1", "[12C@H]Q", "[O--]1CC1",
    "C12CC12", "S(C)(C)(C)(C)(C)(C)C", "[Pt](Cl)(Cl)([NH3])[NH3]", "c1cc[cH+]cc1", "c1cccccccc1", "c1ccn2ccccc2c1",
    "CC1=C2C(=O)C[C@@H]3C(C)(C)[C@@H]4CC(=O)[C@]3(C)[C@H](OC(=O)C)C(C)=C(C)C4OC(=O)c3ccccc3",
]


def per_atom(mol):
    return ([a.GetTotalNumHs() for a in mol.GetAtoms()], [int(a.GetIsAromatic()) for a in mol.GetAtoms()],
            [a.GetFormalCharge() for a in mol.GetAtoms()])


def read_csv(name, n, seed):
    with gzip.open(os.path.join(DATA, name), "rt") as f:
        rows = [r["smiles"] for r in csv.DictReader(f)]
    rng = random.Random(seed)
    rng.shuffle(rows)
    return rows[:n]


def main():
    os.makedirs(OUT, exist_ok=True)
    inputs = [("hard", s) for s in HARD]
    inputs += [("drugs", s) for s in read_csv("approved_drugs.csv.gz", 600, 1)]
    inputs += [("zinc", s) for s in read_csv("zinc250k.csv.gz", 600, 2)]
    inputs += [("qm9", s) for s in read_csv("qm9_1k.csv.gz", 300, 3)]
    n = 0
    with gzip.open(os.path.join(OUT, "smiles_reference.jsonl.gz"), "wt") as out:
        for source, smi in inputs:
            smi = smi.strip()
            mol = Chem.MolFromSmiles(smi)
            if mol is None:
                print("skipping (RDKit rejects):", smi, file=sys.stderr)
                continue
            h, arom, charge = per_atom(mol)
            rec = {"source": source, "smiles": smi, "canonical": Chem.MolToSmiles(mol),
                   "canonical_nostereo": Chem.MolToSmiles(mol, isomericSmiles=False),
                   "h": h, "aromatic": arom, "charge": charge, "rings": mol.GetRingInfo().NumRings()}
            out.write(json.dumps(rec) + "\n")
            n += 1
    m = 0
    with gzip.open(os.path.join(OUT, "smiles_invalid.jsonl.gz"), "wt") as out:
        for smi in INVALID:
            sio = io.StringIO()
            rdBase.LogToPythonStderr()
            mol = Chem.MolFromSmiles(smi)
            out.write(json.dumps({"smiles": smi, "rdkit_valid": mol is not None,
                                  "rdkit_canonical": Chem.MolToSmiles(mol) if mol is not None else None}) + "\n")
            m += 1
    print(f"{n} reference molecules, {m} invalid-candidate inputs", file=sys.stderr)
    write_sdf_references()


SDF_SMILES = ["C[C@H](N)C(=O)O", "C[C@@H](N)C(=O)O", "F/C=C/F", "F/C=C\\F", "c1ccccc1O", "[O-][N+](=O)c1ccccc1",
              "CC(=O)[O-].[Na+]", "[2H]C([2H])([2H])O", "C[C@H]1CC[C@@H](C)CC1", "c1ccc2[nH]ccc2c1", "CN1C=NC2=C1C(=O)N(C(=O)N2C)C",
              "O[C@H]1[C@H](O)[C@@H](O)[C@H](O)[C@@H](O)[C@@H]1O", "CC(C)Cc1ccc(cc1)[C@@H](C)C(=O)O", "[NH4+]", "C/C=C/C=C/C",
              "N[C@@H](Cc1ccccc1)C(=O)O", "C[S@](=O)c1ccccc1", "OC[C@H]1OC(O)[C@H](O)[C@@H](O)[C@@H]1O", "[CH3]", "C#N"]


def write_sdf_references():
    """SD files written by RDKit (V2000 2D with wedges, V2000 3D, V3000 2D) with the input SMILES as data field."""
    from rdkit.Chem import AllChem
    blocks = {"sdf_2d_v2000.sdf": [], "sdf_3d_v2000.sdf": [], "sdf_2d_v3000.sdf": []}
    for i, smi in enumerate(SDF_SMILES):
        mol = Chem.MolFromSmiles(smi)
        mol.SetProp("_Name", f"mol{i}")
        mol.SetProp("smiles", Chem.MolToSmiles(mol))
        m2 = Chem.Mol(mol)
        AllChem.Compute2DCoords(m2)
        blocks["sdf_2d_v2000.sdf"].append(Chem.MolToMolBlock(m2) + "> <smiles>\n" + mol.GetProp("smiles") + "\n\n$$$$\n")
        blocks["sdf_2d_v3000.sdf"].append(Chem.MolToV3KMolBlock(m2) + "> <smiles>\n" + mol.GetProp("smiles") + "\n\n$$$$\n")
        mh = Chem.AddHs(mol)
        if AllChem.EmbedMolecule(mh, randomSeed=42) == 0:
            blocks["sdf_3d_v2000.sdf"].append(Chem.MolToMolBlock(mh) + "> <smiles>\n" + mol.GetProp("smiles") + "\n\n$$$$\n")
    # The SMILES field holds RDKit's canonical SMILES of the block as RDKit reads it back (3D blocks define every
    # stereocentre, e.g. anomeric carbons).
    for name in blocks:
        fixed = []
        for rec in blocks[name]:
            block = rec.split("> <smiles>")[0]
            back = Chem.MolFromMolBlock(block)
            fixed.append(block + "> <smiles>\n" + Chem.MolToSmiles(back) + "\n\n$$$$\n")
        blocks[name] = fixed
    for name, recs in blocks.items():
        with gzip.open(os.path.join(OUT, name + ".gz"), "wt") as f:
            f.write("".join(recs))


if __name__ == "__main__":
    main()
