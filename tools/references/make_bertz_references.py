"""BertzCT reference values (RDKit 2022.09.3 GraphDescriptors.BertzCT) for MolForge.Generation.Tests.

Rows: the first 300 molecules of shared/data/zinc250k.csv.gz plus a few small edge cases.
Usage: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 make_bertz_references.py ZINC.csv.gz OUT.csv
"""
import csv, gzip, sys
from rdkit import Chem
from rdkit.Chem import GraphDescriptors

src, out = sys.argv[1], sys.argv[2]
smiles = ['C', 'CC', 'C=C', 'C#N', 'c1ccccc1', 'CC(=O)Oc1ccccc1C(=O)O', 'Cn1cnc2c1c(=O)n(C)c(=O)n2C', 'C1CC1C(F)(F)F']
with gzip.open(src, 'rt') as f:
    for i, row in enumerate(csv.DictReader(f)):
        if i >= 300:
            break
        smiles.append(row['smiles'].strip())
with open(out, 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['smiles', 'bertz_ct'])
    for s in smiles:
        w.writerow([s, '%.6f' % GraphDescriptors.BertzCT(Chem.MolFromSmiles(s))])
