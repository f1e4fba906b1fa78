#!/usr/bin/env python3
"""Large-scale check of `molforge describe` against the RDKit 2022.09.3 columns shipped with ZINC250k
(/work/shared/data/zinc250k.csv.gz: logP_rdkit = Crippen.MolLogP rounded to 5 decimals, qed_rdkit = QED.qed
rounded to 6). No RDKit needed.

  python3 tools/references/check_describe_zinc250k.py /tmp/zinc.smi        # writes SMILES + row index
  molforge describe /tmp/zinc.smi > /tmp/zinc.csv
  python3 tools/references/check_describe_zinc250k.py /tmp/zinc.smi /tmp/zinc.csv
"""
import csv, gzip, sys

SRC = '/work/shared/data/zinc250k.csv.gz'


def main():
    with gzip.open(SRC, 'rt') as f:
        ref = [(r['smiles'].strip(), float(r['logP_rdkit']), float(r['qed_rdkit'])) for r in csv.DictReader(f)]
    if len(sys.argv) == 2:
        with open(sys.argv[1], 'w') as o:
            for i, (s, _, _) in enumerate(ref):
                o.write(f'{s} z{i}\n')
        return
    rows = list(csv.DictReader(open(sys.argv[2])))
    bad_logp = bad_qed = 0
    max_logp = max_qed = 0.0
    for r in rows:
        _, logp, qed = ref[int(r['name'][1:])]
        dl, dq = abs(float(r['clogp']) - logp), abs(float(r['qed']) - qed)
        max_logp, max_qed = max(max_logp, dl), max(max_qed, dq)
        if dl > 0.01:
            bad_logp += 1
            print('clogp', r['smiles'], r['clogp'], logp)
        if dq > 0.005:
            bad_qed += 1
            print('qed', r['smiles'], r['qed'], qed)
    print(f'{len(rows)} of {len(ref)} rows; clogp off by >0.01: {bad_logp}, qed off by >0.005: {bad_qed}; '
          f'max |d clogp| {max_logp:.2g}, max |d qed| {max_qed:.2g}')


if __name__ == '__main__':
    main()
