"""Checks `molforge conformer` output with RDKit 2022.09.3.

Usage: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/check_conformers.py INPUT.smi OUTPUT.sdf

For every SDF record (matched to its input line by name):
  * stereo: RDKit perceives stereo from the 3D coordinates (AssignStereochemistryFrom3D) and the canonical
    isomeric SMILES (hydrogens removed) must equal RDKit's canonical isomeric SMILES of the input;
  * minimisation: RDKit's MMFF94 minimisation (MMFFOptimizeMolecule, maxIters=10000) started from our
    coordinates; the all-atom and heavy-atom RMSD between start and end (no realignment needed: same frame) and
    the energy change are reported; and RDKit's MMFF energy of our geometry is compared with the energy we wrote.
"""
import sys
import statistics
from rdkit import Chem, rdBase
from rdkit.Chem import AllChem
from rdkit.Chem import rdForceFieldHelpers as FFH

rdBase.DisableLog('rdApp.warning')


def rmsd(a, b, atoms):
    s = 0.0
    for i in atoms:
        p, q = a.GetAtomPosition(i), b.GetAtomPosition(i)
        s += (p - q).LengthSq()
    return (s / len(atoms)) ** 0.5


def main(smi_path, sdf_path):
    inputs = {}
    for line in open(smi_path):
        parts = line.split()
        if len(parts) >= 2:
            inputs[parts[1]] = parts[0]
    n = stereo_ok = 0
    rms_all, rms_heavy, de, ediff = [], [], [], []
    bad = []
    for mol in Chem.SDMolSupplier(sdf_path, removeHs=False):
        if mol is None:
            bad.append('unreadable record')
            continue
        name = mol.GetProp('_Name')
        n += 1
        Chem.AssignStereochemistryFrom3D(mol)
        inp = Chem.MolFromSmiles(inputs[name])
        ref = Chem.MolToSmiles(inp)
        heavy_ours = Chem.RemoveHs(mol)
        # Stereo the input leaves open (e.g. ring cis/trans, N-H+ centres) is whatever the 3D shape gives:
        # compare only what the input specifies. Our heavy atoms keep the input's SMILES order.
        if [a.GetAtomicNum() for a in heavy_ours.GetAtoms()] == [a.GetAtomicNum() for a in inp.GetAtoms()]:
            for a, b in zip(heavy_ours.GetAtoms(), inp.GetAtoms()):
                if b.GetChiralTag() == Chem.ChiralType.CHI_UNSPECIFIED:
                    a.SetChiralTag(Chem.ChiralType.CHI_UNSPECIFIED)
            for bond in heavy_ours.GetBonds():
                ib = inp.GetBondBetweenAtoms(bond.GetBeginAtomIdx(), bond.GetEndAtomIdx())
                if ib is None or ib.GetStereo() == Chem.BondStereo.STEREONONE:
                    bond.SetStereo(Chem.BondStereo.STEREONONE)
        ours = Chem.MolToSmiles(heavy_ours)
        if ours == ref:
            stereo_ok += 1
        else:
            bad.append('%s stereo: %s vs %s' % (name, ours, ref))
        mp = FFH.MMFFGetMoleculeProperties(mol)
        ff = FFH.MMFFGetMoleculeForceField(mol, mp)
        e0 = ff.CalcEnergy()
        if mol.HasProp('mmff94_energy'):
            ediff.append(abs(e0 - float(mol.GetProp('mmff94_energy'))))
        start = Chem.Conformer(mol.GetConformer())
        FFH.MMFFOptimizeMolecule(mol, maxIters=10000)
        end = mol.GetConformer()
        heavy = [a.GetIdx() for a in mol.GetAtoms() if a.GetAtomicNum() != 1]
        rms_all.append(rmsd(start, end, range(mol.GetNumAtoms())))
        rms_heavy.append(rmsd(start, end, heavy))
        de.append(e0 - FFH.MMFFGetMoleculeForceField(mol, FFH.MMFFGetMoleculeProperties(mol)).CalcEnergy())
    print('records: %d of %d inputs' % (n, len(inputs)))
    print('stereo as input (RDKit from 3D): %d / %d' % (stereo_ok, n))
    print('RMSD after RDKit MMFF minimisation, all atoms: max %.4f mean %.4f median %.4f; >= 0.2 A: %d'
          % (max(rms_all), statistics.mean(rms_all), statistics.median(rms_all), sum(r >= 0.2 for r in rms_all)))
    print('RMSD heavy atoms: max %.4f mean %.4f' % (max(rms_heavy), statistics.mean(rms_heavy)))
    print('energy drop by RDKit minimisation (kcal/mol): max %.4f mean %.4f' % (max(de), statistics.mean(de)))
    if ediff:
        print('|our MMFF energy - RDKit MMFF energy| on our geometry: max %.5f mean %.5f' % (max(ediff), statistics.mean(ediff)))
    for b in bad[:20]:
        print('  ', b)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
