"""Writes data/chem/elements.tsv from RDKit's periodic table (RDKit 2022.09.3, Debian python3-rdkit).

Columns: atomic number, symbol, standard atomic weight (as Descriptors.MolWt uses), mass of the most common
isotope (as ExactMolWt uses), RDKit's allowed valences (comma list, -1 = any), outer-shell electrons,
covalent radius (Å), van der Waals radius (Å), and every isotope mass RDKit knows ("A:mass" list).
Run: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/make_elements_table.py
"""
import sys
from rdkit import Chem, rdBase

pt = Chem.GetPeriodicTable()
out = open(sys.argv[1] if len(sys.argv) > 1 else "data/chem/elements.tsv", "w")
out.write(f"# source: RDKit {rdBase.rdkitVersion} periodic table (Chem.GetPeriodicTable), made by tools/references/make_elements_table.py\n")
out.write("z\tsymbol\tatomic_weight\tmonoisotopic_mass\tvalences\touter_electrons\tr_covalent\tr_vdw\tisotopes\n")
for z in range(0, 119):
    sym = pt.GetElementSymbol(z)
    vals = ",".join(str(v) for v in pt.GetValenceList(z))
    isos = []
    for a in range(max(1, z), 3 * z + 60):
        m = pt.GetMassForIsotope(z, a)
        if m > 0 and abs(m - a) < 1.0:
            isos.append(f"{a}:{m!r}")
    out.write("\t".join([str(z), sym, repr(pt.GetAtomicWeight(z)), repr(pt.GetMostCommonIsotopeMass(z)), vals,
                         str(pt.GetNOuterElecs(z)), repr(pt.GetRcovalent(z)), repr(pt.GetRvdw(z)), " ".join(isos)]) + "\n")
out.close()
