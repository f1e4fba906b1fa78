#!/usr/bin/env python3
"""Feeds `molforge canon` output to RDKit and reports agreement: for every input SMILES, RDKit's canonical
isomeric SMILES of our canonical string must equal RDKit's canonical SMILES of the input.

Usage: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/check_canon_with_rdkit.py \
          [--molforge "dotnet src/MolForge.Cli/bin/Release/net10.0/molforge.dll"] [--n 5000] [extra.smi ...]
Inputs: the approved drugs, a ZINC250k sample and the QM9 subset from /work/shared/data (plus files given).
"""
import argparse, csv, gzip, random, shlex, subprocess, sys
from rdkit import Chem, RDLogger

RDLogger.DisableLog("rdApp.*")
DATA = "/work/shared/data"


def load(name, n, seed):
    with gzip.open(f"{DATA}/{name}", "rt") as f:
        rows = [r["smiles"].strip() for r in csv.DictReader(f)]
    random.Random(seed).shuffle(rows)
    return rows[:n]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--molforge", default="dotnet src/MolForge.Cli/bin/Release/net10.0/molforge.dll")
    ap.add_argument("--n", type=int, default=5000, help="ZINC sample size")
    ap.add_argument("extra", nargs="*")
    a = ap.parse_args()
    inputs = load("approved_drugs.csv.gz", 10**9, 1) + load("zinc250k.csv.gz", a.n, 7) + load("qm9_1k.csv.gz", 10**9, 3)
    for path in a.extra:
        inputs += [l.split()[0] for l in open(path) if l.strip()]
    for variant in ([], ["--kekule"], ["--no-stereo"]):
        proc = subprocess.run(shlex.split(a.molforge) + ["canon", "-"] + variant, input="\n".join(inputs) + "\n",
                              capture_output=True, text=True)
        ours = proc.stdout.split("\n")
        agree = disagree = rejected = 0
        examples = []
        for smi, out in zip(inputs, ours):
            mol = Chem.MolFromSmiles(smi)
            if mol is None:
                continue
            if not out:
                rejected += 1
                examples.append(f"rejected: {smi}")
                continue
            iso = "--no-stereo" not in variant
            expected = Chem.MolToSmiles(mol, isomericSmiles=iso)
            if not iso:  # RDKit's non-isomeric output writes D as [H]; compare re-read forms on both sides
                expected = Chem.MolToSmiles(Chem.MolFromSmiles(expected), isomericSmiles=False)
            back = Chem.MolFromSmiles(out)
            got = Chem.MolToSmiles(back, isomericSmiles=iso) if back is not None else None
            if got == expected:
                agree += 1
            else:
                disagree += 1
                examples.append(f"{smi} -> {out} -> RDKit {got} (expected {expected})")
        total = agree + disagree + rejected
        print(f"canon {' '.join(variant) or '(default)'}: {agree}/{total} agree with RDKit "
              f"({100.0 * agree / max(total, 1):.2f} %), {disagree} differ, {rejected} rejected by MolForge")
        for e in examples[:10]:
            print("   ", e)


if __name__ == "__main__":
    main()
