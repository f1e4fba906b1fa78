"""Reference distribution-learning metrics for `molforge bench generate --samples FILE` with RDKit 2022.09.3 + scipy.

Computes, on the raw generated SMILES (one per line): validity (Chem.MolFromSmiles), uniqueness, novelty against
the training rows of the reference CSV (row i held out when i % K == K-1), MOSES IntDiv1 (Morgan r=2, 1024 bits,
distinct pairs) and GuacaMol's KL-divergence score (Brown et al. 2019; the formulas of guacamol.utils.chemistry:
gaussian_kde for BertzCT/MolLogP/MolWt/TPSA, 10-bin density histograms for the counts, internal nearest-neighbour
Tanimoto on Morgan r=2 4096 bits; score = mean exp(-KL)) against up to 10,000 held-out rows.

Usage: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 generation_metrics_rdkit.py SAMPLES.smi ZINC.csv.gz [K]
"""
import csv, gzip, json, sys
import numpy as np
from scipy.stats import entropy, gaussian_kde
from rdkit import Chem, DataStructs, RDLogger
from rdkit.Chem import AllChem, Descriptors

RDLogger.DisableLog('rdApp.*')
samples_path, ref_path = sys.argv[1], sys.argv[2]
k = int(sys.argv[3]) if len(sys.argv) > 3 else 20


def canon(s):
    m = Chem.MolFromSmiles(s)
    if m is None:
        return None
    Chem.RemoveStereochemistry(m)
    return Chem.MolToSmiles(m)


raw = [l.strip() for l in open(samples_path) if l.strip()]
valid = [c for c in (canon(s) for s in raw) if c is not None]
unique = list(dict.fromkeys(valid))
train, held = [], []
with gzip.open(ref_path, 'rt') as f:
    for i, row in enumerate(csv.DictReader(f)):
        (held if i % k == k - 1 else train).append(row['smiles'])
train_set = set(canon(s) for s in train)
held = [canon(s) for s in held[:10000]]
held = list(dict.fromkeys(h for h in held if h))

umols = [Chem.MolFromSmiles(s) for s in unique]
fps = [AllChem.GetMorganFingerprintAsBitVect(m, 2, 1024) for m in umols]
tot, pairs = 0.0, 0
for i in range(1, len(fps)):
    sims = DataStructs.BulkTanimotoSimilarity(fps[i], fps[:i])
    tot += sum(sims)
    pairs += len(sims)

names = ['BertzCT', 'MolLogP', 'MolWt', 'TPSA', 'NumHAcceptors', 'NumHDonors', 'NumRotatableBonds',
         'NumAliphaticRings', 'NumAromaticRings']
fns = [getattr(Descriptors, n) for n in names]


def desc(mols):
    return np.array([[f(m) for f in fns] for m in mols])


def nn_sim(mols):
    f = [AllChem.GetMorganFingerprintAsBitVect(m, 2, 4096) for m in mols]
    best = np.zeros(len(f))
    for i in range(1, len(f)):
        s = np.array(DataStructs.BulkTanimotoSimilarity(f[i], f[:i]))
        best[i] = max(best[i], s.max())
        best[:i] = np.maximum(best[:i], s)
    return best


def ckl(p, q):
    kp, kq = gaussian_kde(p), gaussian_kde(q)
    x = np.linspace(np.hstack([p, q]).min(), np.hstack([p, q]).max(), num=1000)
    return entropy(kp(x) + 1e-10, kq(x) + 1e-10)


def dkl(p, q):
    P, bins = np.histogram(p, bins=10, density=True)
    Q, _ = np.histogram(q, bins=bins, density=True)
    return entropy(P + 1e-10, Q + 1e-10)


hmols = [Chem.MolFromSmiles(s) for s in held]
D_ref, D_gen = desc(hmols), desc(umols)
kl = {}
for i, n in enumerate(names):
    kl[n] = float(ckl(D_ref[:, i], D_gen[:, i]) if i < 4 else dkl(D_ref[:, i], D_gen[:, i]))
kl['internal_similarity'] = float(ckl(nn_sim(hmols), nn_sim(umols)))
print(json.dumps({
    'n': len(raw), 'validity': len(valid) / len(raw), 'uniqueness': len(unique) / len(valid),
    'novelty': sum(1 for u in unique if u not in train_set) / len(unique), 'int_div': 1 - tot / pairs,
    'kl_score': float(np.mean([np.exp(-v) for v in kl.values()])), 'kl': {a: round(b, 4) for a, b in kl.items()},
    'reference_set': len(held), 'training_set': len(train_set)}))
