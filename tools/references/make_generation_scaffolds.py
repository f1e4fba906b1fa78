"""Scaffolds for the sampler's scaffold-replay property test (tests/MolForge.Generation.Tests/Sampling).

Takes ChEMBL approved drugs (shared/data/approved_drugs.csv.gz), computes Bemis-Murcko scaffolds with RDKit
2022.09.3 (MurckoScaffold.GetScaffoldForMol keeps atoms double-bonded to the scaffold, e.g. lactam C=O) and
"decorated" scaffolds (the Murcko scaffold plus nitro groups on it, so charged atoms occur), and picks a varied,
deterministic set: exocyclic double bonds, charged atoms, heteroaromatics, fused ring systems, plain rings, plus
benzamide (the case that exposed the replay defect). Only atoms the generator can place (C N O F S Cl Br I P and
N+ O- N- S- C- O+ S+), rings of at most 8 atoms, 5-24 heavy atoms.

Columns: kekule (RDKit Kekule SMILES, no aromatic flags), smiles (RDKit canonical aromatic SMILES), smarts
(Chem.MolToSmarts of the scaffold with hydrogen counts removed, so substituted positions match as in RDKit's
HasSubstructMatch(mol, scaffold)), category, drug.

Usage: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 make_generation_scaffolds.py approved_drugs.csv.gz OUT.tsv
"""
import csv, gzip, hashlib, re, sys
from rdkit import Chem, RDLogger
from rdkit.Chem.Scaffolds import MurckoScaffold

RDLogger.DisableLog('rdApp.*')
src, out = sys.argv[1], sys.argv[2]
VOCAB = {(6, 0), (7, 0), (8, 0), (9, 0), (16, 0), (17, 0), (35, 0), (53, 0), (15, 0),
         (7, 1), (8, -1), (7, -1), (16, -1), (6, -1), (8, 1), (16, 1)}
NITRO = Chem.MolFromSmarts('[N+](=O)[O-]')


def usable(m):
    if m is None or m.GetNumAtoms() < 5 or m.GetNumAtoms() > 24:
        return False
    if len(Chem.GetMolFrags(m)) != 1:
        return False
    if any((a.GetAtomicNum(), a.GetFormalCharge()) not in VOCAB or a.GetIsotope() or a.GetNumRadicalElectrons()
           for a in m.GetAtoms()):
        return False
    ri = m.GetRingInfo()
    return ri.NumRings() > 0 and max(len(r) for r in ri.AtomRings()) <= 8


def categories(m):
    ri = m.GetRingInfo()
    cats = set()
    for b in m.GetBonds():
        if b.GetBondType() == Chem.BondType.DOUBLE and not b.IsInRing():  # outside the rings (C=O, C=N, nitro)
            cats.add('exocyclic-double')
    if any(a.GetFormalCharge() for a in m.GetAtoms()):
        cats.add('charged')
    if any(a.GetIsAromatic() and a.GetAtomicNum() != 6 for a in m.GetAtoms()):
        cats.add('heteroaromatic')
    rings = [set(r) for r in ri.BondRings()]
    if any(rings[i] & rings[j] for i in range(len(rings)) for j in range(i + 1, len(rings))):
        cats.add('fused')
    return cats or {'plain'}


def clean(m):
    m = Chem.Mol(m)
    Chem.RemoveStereochemistry(m)
    return Chem.MolFromSmiles(Chem.MolToSmiles(m))


found = {}
with gzip.open(src, 'rt') as f:
    for row in csv.DictReader(f):
        drug = Chem.MolFromSmiles(row['smiles'])
        if drug is None:
            continue
        frags = sorted(Chem.GetMolFrags(drug, asMols=True), key=lambda x: -x.GetNumAtoms())
        drug = frags[0]
        cands = []
        try:
            scaf = MurckoScaffold.GetScaffoldForMol(drug)
            cands.append(scaf)
            core = set(drug.GetSubstructMatch(scaf))
            extra = set()
            for match in drug.GetSubstructMatches(NITRO):
                if any(n.GetIdx() in core for n in drug.GetAtomWithIdx(match[0]).GetNeighbors()):
                    extra.update(match)
            if extra:
                cands.append(Chem.MolFromSmiles(Chem.MolFragmentToSmiles(drug, sorted(core | extra))))
        except Exception:
            continue
        for c in cands:
            c = clean(c) if c is not None else None
            if not usable(c):
                continue
            smi = Chem.MolToSmiles(c)
            found.setdefault(smi, (c, row['pref_name']))

quota = {'charged': 8, 'exocyclic-double': 10, 'fused': 8, 'heteroaromatic': 8, 'plain': 4}
picked = {}
order = sorted(found, key=lambda s: hashlib.sha256(s.encode()).hexdigest())
for cat, n in quota.items():
    k = 0
    for smi in order:
        if k == n:
            break
        m, name = found[smi]
        if smi in picked or cat not in categories(m):
            continue
        picked[smi] = (m, name, cat)
        k += 1
benz = Chem.MolFromSmiles('NC(=O)c1ccccc1')
picked[Chem.MolToSmiles(benz)] = (benz, 'benzamide (issue 7 defect case)', 'exocyclic-double')

with open(out, 'w', newline='') as f:
    w = csv.writer(f, delimiter='\t', lineterminator='\n')
    w.writerow(['kekule', 'smiles', 'smarts', 'category', 'drug'])
    for smi, (m, name, cat) in picked.items():
        k = Chem.Mol(m)
        Chem.Kekulize(k, clearAromaticFlags=True)
        w.writerow([Chem.MolToSmiles(k, kekuleSmiles=True), smi, re.sub(r'\[(#\d+)H\d*', r'[\1', Chem.MolToSmarts(m)), ';'.join(sorted(categories(m))), name])
print(len(picked), 'scaffolds from', len(found), 'candidates', file=sys.stderr)
