#!/usr/bin/env python3
"""Reference data for MolForge.Chem descriptors, fingerprints and SMARTS matching, made with RDKit 2022.09.3.

Run:  PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/make_descriptor_references.py
Writes (gzip TSV) into tests/MolForge.Chem.Tests/References/:
  descriptors.tsv.gz   one row per molecule: every descriptor of `molforge describe`, MR, QED properties,
                       Crippen atom type labels (on the H-added molecule, for debugging), Morgan r=2 bit lists
                       (2048 and 1024 bits) and hashed counts (2048).
  smarts_patterns.tsv  id, source, SMARTS
  smarts_counts.tsv.gz molecule index, pattern id, unique match count (non-zero entries only) on a subset.
Molecules: /work/shared/data approved drugs (incl. salts), ZINC250k, QM9 subset, plus hand-picked hard cases.
"""
import csv, gzip, os, sys
from rdkit import Chem, rdBase
from rdkit.Chem import Descriptors, Crippen, QED, rdMolDescriptors as rd, AllChem

rdBase.DisableLog('rdApp.*')
DATA = '/work/shared/data'
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'tests', 'MolForge.Chem.Tests', 'References')
os.makedirs(OUT, exist_ok=True)

HARD = [
    ('[Na+].[Cl-]', 'salt_nacl'), ('[NH4+].[Cl-]', 'ammonium_chloride'), ('C[N+](C)(C)C.[Br-]', 'tetramethylammonium'),
    ('[O-][N+](=O)c1ccccc1', 'nitrobenzene'), ('[O-][n+]1ccccc1', 'pyridine_n_oxide'), ('C[N+]([O-])(C)C', 'tmao'),
    ('[13CH4]', 'c13_methane'), ('[2H]C([2H])([2H])Cl', 'cd3cl'), ('[15NH3]', 'n15_ammonia'), ('[18OH2]', 'o18_water'),
    ('C[C@H](N)C(=O)O', 'l_alanine'), ('F/C=C/F', 'trans_difluoroethene'), ('F/C=C\\F', 'cis_difluoroethene'),
    ('c1ccc2c(c1)[nH]c1ccccc12', 'carbazole'), ('c1ccc2ncccc2c1', 'quinoline'), ('c1cnc2[nH]ccc2c1', 'azaindole'),
    ('Cn1cnc2c1c(=O)n(C)c(=O)n2C', 'caffeine'), ('O=c1cc[nH]cc1', 'pyridone'), ('c1ccn2cncc2c1', 'imidazopyridine'),
    ('c1ccc2cc3ccccc3cc2c1', 'anthracene'), ('c1cc2ccc3cccc4ccc(c1)c2c34', 'pyrene'), ('O=S1(=O)CCCC1', 'sulfolane'),
    ('C12C3C4C1C5C2C3C45', 'cubane'), ('C1C2CC3CC1CC(C2)C3', 'adamantane'), ('C1CCCCCCCCCCC1', 'cyclododecane'),
    ('C1CC2CCC1CC2', 'bicyclooctane'), ('O=C1CCCCCCCCCCCCCCCCCCCCN1', 'macrolactam'),
    ('CC1CCCC(C)C(=O)OC(C)CC=CC=CC(=O)O1', 'macrolide_like'), ('[Fe+2].[Cl-].[Cl-]', 'iron_chloride'),
    ('[Zn+2].[O-]C(=O)C.[O-]C(=O)C', 'zinc_acetate'), ('[K+].[O-]S(=O)(=O)C(F)(F)F', 'potassium_triflate'),
    ('CS(C)=O', 'dmso'), ('OP(=O)(O)O', 'phosphoric_acid'), ('CSSC', 'dimethyl_disulfide'), ('c1ccsc1', 'thiophene'),
    ('c1ccoc1', 'furan'), ('c1cc[nH]c1', 'pyrrole'), ('c1ncncn1', 'triazine'), ('c1nnn[nH]1', 'tetrazole'),
    ('C#N', 'hcn'), ('N#Cc1ccccc1', 'benzonitrile'), ('C=C=C', 'allene'), ('[N-]=[N+]=N', 'hydrazoic_acid'),
    ('CC(=O)Oc1ccccc1C(=O)O', 'aspirin'), ('CN1CCC[C@H]1c1cccnc1', 'nicotine'), ('OC(=O)C(F)(F)F', 'tfa'),
    ('ClC(Cl)(Cl)Cl', 'ccl4'), ('BrC(Br)Br', 'bromoform'), ('IC', 'iodomethane'), ('[SiH4]', 'silane'),
    ('B(O)(O)c1ccccc1', 'phenylboronic'), ('[O-]C(=O)c1ccccc1.[Na+]', 'sodium_benzoate'), ('C1CO1', 'oxirane'),
    ('C1CN1', 'aziridine'), ('[NH3+]CC(=O)[O-]', 'glycine_zwitterion'), ('c1ccc(cc1)-c1ccccc1', 'biphenyl'),
    ('O=C(N)c1ccccc1', 'benzamide'), ('CC(C)(C)c1ccccc1', 'tbu_benzene'), ('O', 'water'), ('C', 'methane'),
    ('[H][H]', 'hydrogen'), ('[CH3]', 'methyl_radical'), ('S=C=S', 'cs2'), ('O=[Se]=O', 'selenium_dioxide'),
]


def read_csv(name, n=None, step=1, name_col=None):
    rows = []
    with gzip.open(os.path.join(DATA, name), 'rt') as f:
        for i, r in enumerate(csv.DictReader(f)):
            if i % step:
                continue
            rows.append((r['smiles'], (r.get(name_col) or '') if name_col else f'{name.split(".")[0]}_{i}'))
            if n and len(rows) >= n:
                break
    return rows


def bits(fp):
    return ' '.join(str(b) for b in fp.GetOnBits())


def main():
    mols = []
    mols += read_csv('approved_drugs.csv.gz', n=900, name_col='pref_name')
    mols += read_csv('zinc250k.csv.gz', n=400, step=617)
    mols += read_csv('qm9_1k.csv.gz', n=200, step=5, name_col='mol_id')
    mols += HARD
    seen, rows = set(), []
    for smi, name in mols:
        if smi in seen:
            continue
        seen.add(smi)
        m = Chem.MolFromSmiles(smi)
        if m is None:
            continue
        mh = Chem.AddHs(m)
        labels = [''] * mh.GetNumAtoms()
        types = [0] * mh.GetNumAtoms()
        lc, mc = [0.0] * mh.GetNumAtoms(), [0.0] * mh.GetNumAtoms()
        rd._CalcCrippenContribs(mh, True, types, labels)
        p = QED.properties(m)
        fp2048 = rd.GetMorganFingerprintAsBitVect(m, 2, nBits=2048)
        fp1024 = rd.GetMorganFingerprintAsBitVect(m, 2, nBits=1024)
        cnt = rd.GetHashedMorganFingerprint(m, 2, nBits=2048).GetNonzeroElements()
        rows.append([
            smi, name.replace('\t', ' '), rd.CalcMolFormula(m), repr(Descriptors.MolWt(m)), repr(Descriptors.ExactMolWt(m)),
            str(m.GetNumHeavyAtoms()), repr(Crippen.MolLogP(m)), repr(Crippen.MolMR(m)), repr(rd.CalcTPSA(m)),
            str(rd.CalcNumHBD(m)), str(rd.CalcNumHBA(m)), str(rd.CalcNumRotatableBonds(m)), str(rd.CalcNumRings(m)),
            str(rd.CalcNumAromaticRings(m)), repr(rd.CalcFractionCSP3(m)), repr(QED.qed(m)),
            ' '.join(repr(x) if isinstance(x, float) else str(x) for x in p),
            ' '.join(labels), bits(fp2048), bits(fp1024),
            ' '.join(f'{k}:{v}' for k, v in sorted(cnt.items())),
        ])
    header = ['smiles', 'name', 'formula', 'mol_weight', 'exact_mass', 'heavy_atoms', 'clogp', 'mr', 'tpsa', 'hbd', 'hba',
              'rotatable_bonds', 'rings', 'aromatic_rings', 'fraction_csp3', 'qed', 'qed_properties',
              'crippen_types_with_h', 'morgan2_2048', 'morgan2_1024', 'morgan2_counts_2048']
    with gzip.open(os.path.join(OUT, 'descriptors.tsv.gz'), 'wt', newline='') as f:
        f.write('\t'.join(header) + '\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')

    # SMARTS patterns: Crippen table (as compiled into RDKit), QED acceptors and alerts, PAINS, Lipinski, hand-made.
    pats = []
    crippen = os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'chem', 'Crippen.txt')
    for i, line in enumerate(open(crippen)):
        if line.startswith('#') or not line.strip():
            continue
        f = line.rstrip('\n').split('\t')
        if len(f) > 1 and f[1]:
            pats.append((f'crippen_{f[0]}_line{i + 1}', f[1]))
    for i, s in enumerate(QED.AcceptorSmarts):
        pats.append((f'qed_acceptor_{i}', s))
    for i, s in enumerate(QED.StructuralAlertSmarts):
        pats.append((f'qed_alert_{i}', s))
    with open('/usr/share/RDKit/Data/Pains/wehi_pains.csv') as f:
        for i, r in enumerate(csv.reader(f)):
            pats.append((f'pains_{i}', r[0]))
    pats += [
        ('lip_hbd', '[N&!H0&v3,N&!H0&+1&v4,O&H1&+0,S&H1&+0,n&H1&+0]'),
        ('lip_hba', '[$([O,S;H1;v2]-[!$(*=[O,N,P,S])]),$([O,S;H0;v2]),$([O,S;-]),$([N;v3;!$(N-*=!@[O,N,P,S])]),$([nH0,o,s;+0])]'),
        ('rotb_strict', '[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])&!$([CD3](=[N,O,S])-!@[#7,O,S!D1])&!$([#7,O,S!D1]-!@[CD3]=[N,O,S])&!$([CD3](=[N+])-!@[#7!D1])&!$([#7!D1]-!@[CD3]=[N+])]-,:;!@[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])]'),
        ('qed_aliphatic_rings', '[$([A;R][!a])]'),
        ('h_any', '[*]'), ('h_ring_conn', '[x3]'), ('h_r5', '[r5]'), ('h_R2', '[R2]'), ('h_v4', '[v4]'), ('h_h1', '[h1]'),
        ('h_amide', 'C(=O)[NX3;H2,H1,H0]'), ('h_ring_bond', 'C@C'), ('h_chain_bond', 'C!@C'), ('h_any_bond', '*~*~*'),
        ('h_arom_bond', 'c:c'), ('h_double_or_arom', '[#6]=,:[#6]'), ('h_not_c', '[!#6;!#1]'), ('h_charge', '[+,-]'),
        ('h_isotope', '[13C,2H,15N,18O]'), ('h_chiral', '[C@,C@@]'), ('h_hydroxyl', '[OX2H]'), ('h_carboxyl', 'C(=O)[OH1,O-]'),
        ('h_ring_closure', 'c1ccccc1'), ('h_two_comp', 'C.O'), ('h_recursive_nested', '[$(C-[$(O-[#1,C])])]'),
        ('h_high_prec_and', '[C&X4,N&X3;R]'), ('h_D3', '[D3]'), ('h_X4', '[X4]'), ('h_a', '[a]'), ('h_A', '[A]'),
        ('h_halogen', '[F,Cl,Br,I]'), ('h_aromatic_n', 'n'), ('h_nh', '[nH]'), ('h_plus2', '[+2]'), ('h_minus', '[-1]'),
    ]
    assert len({p for p, _ in pats}) == len(pats), 'pattern ids must be unique'
    with open(os.path.join(OUT, 'smarts_patterns.tsv'), 'w') as f:
        f.write('id\tsmarts\n')
        for pid, s in pats:
            f.write(f'{pid}\t{s}\n')
    queries = [(pid, Chem.MolFromSmarts(s)) for pid, s in pats]
    bad = [pid for pid, q in queries if q is None]
    if bad:
        print('unparsable SMARTS:', bad, file=sys.stderr)
    subset = [r[0] for r in rows[::5]] + [s for s, _ in HARD]
    subset = list(dict.fromkeys(subset))
    with gzip.open(os.path.join(OUT, 'smarts_counts.tsv.gz'), 'wt') as f:
        f.write('smiles\tcounts (pattern_id:unique_matches, non-zero only)\n')
        for smi in subset:
            m = Chem.MolFromSmiles(smi)
            out = []
            for pid, q in queries:
                if q is None:
                    continue
                n = len(m.GetSubstructMatches(q, uniquify=True, maxMatches=100000))
                if n:
                    out.append(f'{pid}:{n}')
            f.write(smi + '\t' + ' '.join(out) + '\n')
    print(len(rows), 'molecules;', len(pats), 'patterns;', len(subset), 'molecules for SMARTS counts')


if __name__ == '__main__':
    main()
