"""Checks `molforge generate --prompt PROMPT.json` output against the prompt with RDKit 2022.09.3.

Reads the prompt (shared/CLI.md) and the candidates (one SMILES per line, or the csv format's first column) and
reports, as one JSON object: how many parse, how many are distinct (canonical SMILES), and per constraint how many
candidates meet it: scaffold (HasSubstructMatch with the scaffold read as SMILES, else as SMARTS), each required
and forbidden SMARTS, elements (H always allowed), and each range of mol_weight (Descriptors.MolWt), clogp
(Crippen MolLogP) and qed (QED.qed); ranges of other properties are not checked here.

Usage: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 generation_prompt_check_rdkit.py PROMPT.json CANDIDATES
"""
import json, sys
from rdkit import Chem, RDLogger
from rdkit.Chem import Crippen, Descriptors, QED

RDLogger.DisableLog('rdApp.*')
prompt = json.load(open(sys.argv[1]))
lines = [l.strip() for l in open(sys.argv[2]) if l.strip()]
if lines and lines[0].startswith('smiles,'):
    lines = [l.split(',')[0] for l in lines[1:]]
mols = [Chem.MolFromSmiles(s) for s in lines]
ok = [m for m in mols if m is not None]
report = {'candidates': len(lines), 'parsed': len(ok), 'distinct': len({Chem.MolToSmiles(m) for m in ok})}

hard_ok = [True] * len(ok)


def check(name, flags, hard):
    report[name] = sum(flags)
    if hard:
        for i, f in enumerate(flags):
            hard_ok[i] = hard_ok[i] and f


if prompt.get('scaffold'):
    q = Chem.MolFromSmiles(prompt['scaffold']) or Chem.MolFromSmarts(prompt['scaffold'])
    check('scaffold', [m.HasSubstructMatch(q) for m in ok], True)
for i, s in enumerate(prompt.get('required', [])):
    q = Chem.MolFromSmarts(s)
    check(f'required[{i}] {s}', [m.HasSubstructMatch(q) for m in ok], True)
for i, s in enumerate(prompt.get('forbidden', [])):
    q = Chem.MolFromSmarts(s)
    check(f'forbidden[{i}] {s} absent', [not m.HasSubstructMatch(q) for m in ok], True)
if prompt.get('elements'):
    allowed = set(prompt['elements']) | {'H'}
    check('elements', [all(a.GetSymbol() in allowed for a in m.GetAtoms()) for m in ok], True)
calc = {'mol_weight': Descriptors.MolWt, 'clogp': Crippen.MolLogP, 'qed': QED.qed}
in_all = [True] * len(ok)
for name, (lo, hi) in prompt.get('properties', {}).items():
    if name not in calc:
        continue
    flags = [lo <= calc[name](m) <= hi for m in ok]
    check(f'{name} in [{lo}, {hi}]', flags, False)
    in_all = [a and b for a, b in zip(in_all, flags)]
report['all_hard_constraints'] = sum(hard_ok)
report['all_checked_ranges'] = sum(in_all)
print(json.dumps(report, indent=1))
