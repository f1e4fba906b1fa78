"""Drug-like inputs for the conformer evidence: the first 250 ZINC250k molecules (shared/data) whose SMILES
carry stereo (@ or / or \\), written as 'SMILES name' lines to
tests/MolForge.Chem.Tests/References/conformer_inputs.smi. Names are zinc_<row>.

Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/make_conformer_inputs.py
"""
import csv
import gzip

out = 'tests/MolForge.Chem.Tests/References/conformer_inputs.smi'
n = 0
with gzip.open('/work/shared/data/zinc250k.csv.gz', 'rt') as f, open(out, 'w') as w:
    for i, row in enumerate(csv.DictReader(f)):
        smi = row['smiles'].strip()
        if not any(c in smi for c in '@/\\'):
            continue
        w.write('%s zinc_%d\n' % (smi, i))
        n += 1
        if n == 250:
            break
print('wrote', n, 'to', out)
