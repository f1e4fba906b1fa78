#!/usr/bin/env python3
"""RDKit side of the `molforge describe` benchmark: reads a SMILES file (SMILES [name] per line) and writes the
same CSV columns with the same RDKit functions. Time it with the process start included, e.g.
  time PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/bench_describe_rdkit.py in.smi > out.csv
Make the input with:  python3 tools/references/bench_describe_rdkit.py --make-input 2400 > bench2400.smi
"""
import gzip, csv, sys


def make_input(n):
    with gzip.open('/work/shared/data/zinc250k.csv.gz', 'rt') as f:
        rows = list(csv.DictReader(f))
    step = len(rows) // n
    for i in range(n):
        print(f"{rows[i * step]['smiles']} zinc_{i * step}")


def main(path):
    from rdkit import Chem, rdBase
    from rdkit.Chem import Descriptors, Crippen, QED, rdMolDescriptors as rd
    rdBase.DisableLog('rdApp.*')
    out = sys.stdout
    out.write('smiles,name,formula,mol_weight,exact_mass,heavy_atoms,clogp,tpsa,hbd,hba,rotatable_bonds,rings,'
              'aromatic_rings,fraction_csp3,qed\n')
    for n, line in enumerate(open(path), 1):
        parts = line.split(None, 1)
        if not parts:
            continue
        smi, name = parts[0], (parts[1].strip() if len(parts) > 1 else '')
        m = Chem.MolFromSmiles(smi)
        if m is None:
            sys.stderr.write(f'line {n}: invalid SMILES\n')
            continue
        out.write(f'{smi},{name},{rd.CalcMolFormula(m)},{Descriptors.MolWt(m):.3f},{Descriptors.ExactMolWt(m):.4f},'
                  f'{m.GetNumHeavyAtoms()},{Crippen.MolLogP(m):.4f},{rd.CalcTPSA(m):.2f},{rd.CalcNumHBD(m)},'
                  f'{rd.CalcNumHBA(m)},{rd.CalcNumRotatableBonds(m)},{rd.CalcNumRings(m)},'
                  f'{rd.CalcNumAromaticRings(m)},{rd.CalcFractionCSP3(m):.4f},{QED.qed(m):.4f}\n')


if __name__ == '__main__':
    if sys.argv[1] == '--make-input':
        make_input(int(sys.argv[2]))
    else:
        main(sys.argv[1])
