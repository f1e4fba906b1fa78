"""MMFF94 reference energies, per-term energies, gradients, atom types and partial charges from RDKit.

Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/make_mmff_references.py
Writes tests/MolForge.Chem.Tests/References/mmff_reference.sdf.gz: each record is an RDKit-embedded geometry
(ETKDG, seed 42, explicit hydrogens, Kekule bonds; a few MMFF steps so the geometry is realistic but not a
minimum) with data fields mmff_types, mmff_charges, e_bond, e_angle, e_stbn, e_oop, e_torsion, e_vdw, e_ele,
e_total and gradient (3N numbers, kcal/mol/A). RDKit 2022.09.3, MMFF94 (not 94s), dielectric 1 constant,
defaults of MMFFGetMoleculeForceField.
"""
import gzip
import csv
import io
import sys
from rdkit import Chem, rdBase
from rdkit.Chem import AllChem
from rdkit.Chem import rdForceFieldHelpers as FFH

# Small heteroatom-rich molecules, charged species and heterocycles in the spirit of the MMFF94 validation
# suite: together they exercise most MMFF atom types (listed as comments where not obvious).
SMALL = """
CC ethane
C=C ethene
C#C ethyne
CC=O acetaldehyde
CC(=O)O acetic_acid
CC(=O)[O-] acetate
CC(=O)OC methyl_acetate
CC(=O)N acetamide
CN(C)C=O dmf
NC(=O)N urea
COC(=O)N methyl_carbamate
OC(=O)O carbonic_acid
CN methylamine
C[NH3+] methylammonium
C[N+](C)(C)C tetramethylammonium
CC#N acetonitrile
C[N+]#[C-] methyl_isocyanide
CN=[N+]=[N-] methyl_azide
C[N+](=O)[O-] nitromethane
CO[N+](=O)[O-] methyl_nitrate
CN=O nitrosomethane
CC=NC imine
CC=NO oxime
CNN methylhydrazine
CN=NC azomethane
C[N+](C)(C)[O-] trimethylamine_oxide
c1ccncc1 pyridine
c1cc[nH+]cc1 pyridinium
[O-][n+]1ccccc1 pyridine_n_oxide
c1cc[nH]c1 pyrrole
c1ccoc1 furan
c1ccsc1 thiophene
c1c[nH]cn1 imidazole
c1c[nH]c[nH+]1 imidazolium
c1cocn1 oxazole
c1cscn1 thiazole
c1cnoc1 isoxazole
c1cn[nH]c1 pyrazole
c1nc[nH]n1 124_triazole
c1nnn[nH]1 tetrazole
c1nnn[n-]1 tetrazolate
c1ccc2[nH]ccc2c1 indole
c1ncc2[nH]cnc2n1 purine
O=c1cc[nH]cc1 4_pyridone
Oc1ccccc1 phenol
Nc1ccccc1 aniline
CS methanethiol
CSC dimethylsulfide
CSSC dimethyldisulfide
CS(C)=O dmso
CS(C)(=O)=O dimethylsulfone
CS(N)(=O)=O methanesulfonamide
CS(=O)(=O)[O-] methanesulfonate
COS(=O)(=O)OC dimethylsulfate
COP(=O)(OC)OC trimethylphosphate
CP(=O)([O-])[O-] methylphosphonate
CF fluoromethane
FC(F)(F)c1ccccc1 trifluorotoluene
CCl chloromethane
CBr bromomethane
CI iodomethane
NC(N)=[NH2+] guanidinium
CC(N)=[NH2+] acetamidinium
C1CC1 cyclopropane
C1CCC1 cyclobutane
C1=CCC1 cyclobutene
C1CO1 oxirane
C1CN1 aziridine
CC(C)=S thioacetone
CC(N)=S thioacetamide
C=CC=C butadiene
C=C=C allene
C=COC methyl_vinyl_ether
COCOC dimethoxymethane
O water
[OH-] hydroxide
C[O-] methoxide
C[Si](C)(C)C tetramethylsilane
CC(=O)C(C)=O diacetyl
O=C1CCCCC1 cyclohexanone
c1ccc2ccccc2c1 naphthalene
C1CCNCC1 piperidine
C1COCCN1 morpholine
CN1CCOCC1 n_methylmorpholine
OC(=O)c1ccccc1O salicylic_acid
CC(=O)Nc1ccc(O)cc1 paracetamol
CN1C=NC2=C1C(=O)N(C(=O)N2C)C caffeine
CCOC(=O)C1=C(C)NC(C)=C(C(=O)OC)C1c1ccccc1[N+](=O)[O-] nifedipine_like
O=S1(=O)CCCC1 sulfolane
CSc1ncccn1 methylthiopyrimidine
Clc1ccc(Br)cc1 chlorobromobenzene
NS(=O)(=O)c1ccccc1 benzenesulfonamide
CC1=CC(=O)C=CC1=O toluquinone
"""


def reference_record(mol, name):
    mp = FFH.MMFFGetMoleculeProperties(mol)
    if mp is None:
        return None
    ff = FFH.MMFFGetMoleculeForceField(mol, mp)
    total = ff.CalcEnergy()
    grad = ff.CalcGrad()
    terms = {}
    flags = ['Bond', 'Angle', 'StretchBend', 'Oop', 'Torsion', 'VdW', 'Ele']
    keys = ['e_bond', 'e_angle', 'e_stbn', 'e_oop', 'e_torsion', 'e_vdw', 'e_ele']
    for flag, key in zip(flags, keys):
        p = FFH.MMFFGetMoleculeProperties(mol)
        for f in flags:
            getattr(p, 'SetMMFF' + f + 'Term')(f == flag)
        terms[key] = FFH.MMFFGetMoleculeForceField(mol, p).CalcEnergy()
    m = Chem.Mol(mol)
    m.SetProp('_Name', name)
    m.SetProp('mmff_types', ' '.join(str(mp.GetMMFFAtomType(i)) for i in range(m.GetNumAtoms())))
    m.SetProp('mmff_charges', ' '.join('%.6f' % mp.GetMMFFPartialCharge(i) for i in range(m.GetNumAtoms())))
    for k, v in terms.items():
        m.SetProp(k, '%.8f' % v)
    m.SetProp('e_total', '%.8f' % total)
    m.SetProp('gradient', ' '.join('%.8f' % g for g in grad))
    return m


def prepare(smiles, seed):
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        return None
    mol = Chem.AddHs(mol)
    params = AllChem.ETKDGv3()
    params.randomSeed = seed
    if AllChem.EmbedMolecule(mol, params) != 0:
        return None
    # A few MMFF steps: realistic geometry, not at the minimum (so gradients are not ~0).
    if FFH.MMFFHasAllMoleculeParams(mol):
        FFH.MMFFOptimizeMolecule(mol, maxIters=5)
    Chem.Kekulize(mol, clearAromaticFlags=True)
    # Round-trip through a molblock so the reference values belong to the 4-decimal coordinates stored.
    mol = Chem.MolFromMolBlock(Chem.MolToMolBlock(mol), removeHs=False)
    return mol


def main():
    rdBase.DisableLog('rdApp.warning')
    out_path = sys.argv[1] if len(sys.argv) > 1 else 'tests/MolForge.Chem.Tests/References/mmff_reference.sdf.gz'
    entries = [line.split() for line in SMALL.strip().splitlines()]
    with gzip.open('/work/shared/data/approved_drugs.csv.gz', 'rt') as f:
        rows = list(csv.DictReader(f))
    drugs = []
    for r in rows:
        m = Chem.MolFromSmiles(r['smiles'])
        if m is None or len(Chem.GetMolFrags(m)) != 1:
            continue
        if not 10 <= m.GetNumHeavyAtoms() <= 40:
            continue
        drugs.append((r['smiles'], r['pref_name'].replace(' ', '_')))
        if len(drugs) >= 60:
            break
    buf = io.StringIO()
    writer = Chem.SDWriter(buf)
    writer.SetKekulize(True)
    n = 0
    for smi, name in entries + drugs:
        mol = prepare(smi, 42)
        if mol is None:
            print('skipped', name, file=sys.stderr)
            continue
        rec = reference_record(mol, name)
        if rec is None:
            print('no MMFF params', name, file=sys.stderr)
            continue
        writer.write(rec)
        n += 1
    writer.close()
    with gzip.open(out_path, 'wt') as f:
        f.write(buf.getvalue())
    print('wrote', n, 'records to', out_path)


if __name__ == '__main__':
    main()
