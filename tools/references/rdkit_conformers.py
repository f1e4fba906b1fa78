"""RDKit's ETKDG + MMFF94 on a SMILES file, for the side-by-side benchmark with `molforge conformer`.

Usage: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/rdkit_conformers.py IN.smi OUT.sdf
Per line: MolFromSmiles, AddHs, EmbedMolecule(ETKDGv3, randomSeed=42), MMFFOptimizeMolecule (defaults), SDF out.
"""
import sys
from rdkit import Chem, rdBase
from rdkit.Chem import AllChem

rdBase.DisableLog('rdApp.warning')
w = Chem.SDWriter(sys.argv[2])
for line in open(sys.argv[1]):
    parts = line.split()
    if not parts:
        continue
    mol = Chem.MolFromSmiles(parts[0])
    if mol is None:
        continue
    mol = Chem.AddHs(mol)
    params = AllChem.ETKDGv3()
    params.randomSeed = 42
    if AllChem.EmbedMolecule(mol, params) != 0:
        print('embed failed', parts[-1], file=sys.stderr)
        continue
    AllChem.MMFFOptimizeMolecule(mol)
    if len(parts) > 1:
        mol.SetProp('_Name', parts[1])
    w.write(mol)
w.close()
