"""Kekulé training set for the MolForge graph generator (issue 7).

Reads shared/data/zinc250k.csv.gz, removes stereo, kekulises with RDKit 2022.09.3 (explicit Kekulé bonds,
charges kept, H counts implicit) and writes two CSVs: smiles (Kekulé, no aromatic atoms), mol_weight (RDKit
Descriptors.MolWt), clogp (Crippen.MolLogP), qed (QED.qed), original (the source SMILES). Every 20th row
(row index % 20 == 19) is held out as the test split.

Usage: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 make_generation_training_set.py ZINC.csv.gz OUTDIR
"""
import csv, gzip, sys, os
from rdkit import Chem, RDLogger
from rdkit.Chem import Descriptors, Crippen, QED

RDLogger.DisableLog('rdApp.*')
src, outdir = sys.argv[1], sys.argv[2]
os.makedirs(outdir, exist_ok=True)
train = open(os.path.join(outdir, 'zinc250k_kekule_train.csv'), 'w', newline='')
test = open(os.path.join(outdir, 'zinc250k_kekule_test.csv'), 'w', newline='')
wt, wv = csv.writer(train), csv.writer(test)
for w in (wt, wv):
    w.writerow(['smiles', 'mol_weight', 'clogp', 'qed', 'original'])
with gzip.open(src, 'rt') as f:
    for i, row in enumerate(csv.DictReader(f)):
        smi = row['smiles'].strip()
        m = Chem.MolFromSmiles(smi)
        Chem.RemoveStereochemistry(m)
        k = Chem.Mol(m)
        Chem.Kekulize(k, clearAromaticFlags=True)
        ks = Chem.MolToSmiles(k, kekuleSmiles=True, isomericSmiles=False)
        rec = [ks, '%.4f' % Descriptors.MolWt(m), '%.4f' % Crippen.MolLogP(m), '%.5f' % QED.qed(m), smi]
        (wv if i % 20 == 19 else wt).writerow(rec)
