"""Makes tests/MolForge.Web.E2E.Tests/Fakes/fake-candidates.sdf: a few indole amides with RDKit 3D conformers
(ETKDG + MMFF) and RDKit descriptors, used only by the E2E tests' clearly named fake scorer (the app itself uses
the real pipeline). Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/make_web_e2e_fixtures.py"""
import sys
from rdkit import Chem
from rdkit.Chem import AllChem, Descriptors, Crippen, QED, rdMolDescriptors

SMILES = [
    "O=C(NC1CC1)c1cc2ccccc2[nH]1",
    "CC(=O)Nc1ccc2[nH]ccc2c1",
    "O=C(Nc1ccccc1)c1c[nH]c2ccccc12",
    "CN(C)C(=O)Cc1c[nH]c2ccc(F)cc12",
    "O=C(NCCO)c1cc2cc(Cl)ccc2[nH]1",
    "CC(C)NC(=O)c1cc2ccccc2[nH]1",
    "NC(=O)c1c[nH]c2ccc(OC)cc12",
    "O=C(NC1CCOCC1)c1cc2ccccc2[nH]1",
]

out = Chem.SDWriter(sys.argv[1] if len(sys.argv) > 1 else "tests/MolForge.Web.E2E.Tests/Fakes/fake-candidates.sdf")
for i, smi in enumerate(SMILES):
    mol = Chem.AddHs(Chem.MolFromSmiles(smi))
    AllChem.EmbedMolecule(mol, randomSeed=42 + i)
    AllChem.MMFFOptimizeMolecule(mol)
    heavy = Chem.RemoveHs(mol)
    mol.SetProp("_Name", f"fake-{i}")
    mol.SetProp("smiles", Chem.MolToSmiles(heavy))
    mol.SetProp("mol_weight", f"{Descriptors.MolWt(heavy):.4f}")
    mol.SetProp("clogp", f"{Crippen.MolLogP(heavy):.4f}")
    mol.SetProp("qed", f"{QED.qed(heavy):.4f}")
    mol.SetProp("tpsa", f"{rdMolDescriptors.CalcTPSA(heavy):.4f}")
    mol.SetProp("hbd", str(rdMolDescriptors.CalcNumHBD(heavy)))
    mol.SetProp("hba", str(rdMolDescriptors.CalcNumHBA(heavy)))
    mol.SetProp("rotatable_bonds", str(rdMolDescriptors.CalcNumRotatableBonds(heavy)))
    mol.SetProp("heavy_atoms", str(heavy.GetNumAtoms()))
    out.write(mol)
out.close()
