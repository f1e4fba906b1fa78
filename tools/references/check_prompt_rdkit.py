"""Checks `molforge generate --prompt P --format csv` output against the prompt with RDKit 2022.09.3.

Scaffold: HasSubstructMatch(mol, MolFromSmiles(scaffold)) (or MolFromSmarts when it is not SMILES); required and
forbidden: SMARTS; elements; property ranges for mol_weight (MolWt), clogp (MolLogP), qed (QED.qed).
Usage: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 check_prompt_rdkit.py PROMPT.json OUT.csv
"""
import csv, json, sys
from rdkit import Chem, RDLogger
from rdkit.Chem import Descriptors, QED

RDLogger.DisableLog('rdApp.*')
prompt = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2])))
scaf = None
if prompt.get('scaffold'):
    scaf = Chem.MolFromSmiles(prompt['scaffold']) or Chem.MolFromSmarts(prompt['scaffold'])
req = [Chem.MolFromSmarts(s) for s in prompt.get('required', [])]
forb = [Chem.MolFromSmarts(s) for s in prompt.get('forbidden', [])]
els = set(prompt.get('elements', [])) | {'H'} if prompt.get('elements') else None
fns = {'mol_weight': Descriptors.MolWt, 'clogp': Descriptors.MolLogP, 'qed': QED.qed}
hard_ok = 0
in_range = 0
smiles = set()
for r in rows:
    m = Chem.MolFromSmiles(r['smiles'])
    ok = m is not None
    ok = ok and (scaf is None or m.HasSubstructMatch(scaf))
    ok = ok and all(m.HasSubstructMatch(q) for q in req) and not any(m.HasSubstructMatch(q) for q in forb)
    ok = ok and (els is None or all(a.GetSymbol() in els for a in m.GetAtoms()))
    hard_ok += ok
    if m is not None and all(lo <= fns[k](m) <= hi for k, (lo, hi) in prompt.get('properties', {}).items() if k in fns):
        in_range += 1
    smiles.add(Chem.MolToSmiles(m) if m else None)
print(json.dumps({'rows': len(rows), 'distinct': len(smiles), 'hard_constraints_hold': hard_ok, 'in_property_ranges': in_range}))
