using MolForge.Chem.Core;

namespace MolForge.Chem.Descriptors;

/// <summary>Topological polar surface area (Ertl, Rohde &amp; Selzer, J. Med. Chem. 2000, 43, 3714) as RDKit's
/// CalcTPSA computes it by default: N and O contributions only, looked up by neighbour count, hydrogens, charge,
/// bond types and 3-ring membership; unlisted environments use RDKit's fallback formula.</summary>
public static class Tpsa
{
    /// <summary>TPSA in Å².</summary>
    public static double Compute(Molecule molecule, RingInfo rings)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(rings);
        var total = 0.0;
        for (var i = 0; i < molecule.AtomCount; i++)
        {
            var c = AtomContribution(molecule, rings, i);
            if (c > 0) total += c;
        }
        return total;
    }

    /// <summary>Contribution of one atom (0 for atoms other than N and O).</summary>
    public static double AtomContribution(Molecule molecule, RingInfo rings, int i)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(rings);
        ref readonly var atom = ref molecule.GetAtom(i);
        int z = atom.AtomicNumber;
        if (z != 7 && z != 8) return 0;
        int nNbrs = 0, nSing = 0, nDoub = 0, nTrip = 0, nArom = 0, nHs = atom.TotalHydrogensOnAtom;
        var nbrs = molecule.NeighborsOf(i);
        var bonds = molecule.BondsOf(i);
        for (var k = 0; k < nbrs.Length; k++)
        {
            if (molecule.GetAtom(nbrs[k]).AtomicNumber == 1)
            {
                nHs++;
                continue;
            }
            nNbrs++;
            ref readonly var b = ref molecule.GetBond(bonds[k]);
            if (b.IsAromatic || b.Order == BondOrder.Aromatic) nArom++;
            else if (b.Order == BondOrder.Single) nSing++;
            else if (b.Order == BondOrder.Double) nDoub++;
            else if (b.Order == BondOrder.Triple) nTrip++;
        }
        int chg = atom.FormalCharge;
        var in3Ring = rings.IsAtomInRingOfSize(i, 3);
        double tmp = -1;
        if (z == 7)
        {
            switch (nNbrs)
            {
                case 1:
                    if (nHs == 0 && chg == 0 && nTrip == 1) tmp = 23.79;
                    else if (nHs == 1 && chg == 0 && nDoub == 1) tmp = 23.85;
                    else if (nHs == 2 && chg == 0 && nSing == 1) tmp = 26.02;
                    else if (nHs == 2 && chg == 1 && nDoub == 1) tmp = 25.59;
                    else if (nHs == 3 && chg == 1 && nSing == 1) tmp = 27.64;
                    break;
                case 2:
                    if (nHs == 0 && chg == 0 && nSing == 1 && nDoub == 1) tmp = 12.36;
                    else if (nHs == 0 && chg == 0 && nTrip == 1 && nDoub == 1) tmp = 13.60;
                    else if (nHs == 1 && chg == 0 && nSing == 2 && in3Ring) tmp = 21.94;
                    else if (nHs == 1 && chg == 0 && nSing == 2 && !in3Ring) tmp = 12.03;
                    else if (nHs == 0 && chg == 1 && nTrip == 1 && nSing == 1) tmp = 4.36;
                    else if (nHs == 1 && chg == 1 && nDoub == 1 && nSing == 1) tmp = 13.97;
                    else if (nHs == 2 && chg == 1 && nSing == 2) tmp = 16.61;
                    else if (nHs == 0 && chg == 0 && nArom == 2) tmp = 12.89;
                    else if (nHs == 1 && chg == 0 && nArom == 2) tmp = 15.79;
                    else if (nHs == 1 && chg == 1 && nArom == 2) tmp = 14.14;
                    break;
                case 3:
                    if (nHs == 0 && chg == 0 && nSing == 3 && in3Ring) tmp = 3.01;
                    else if (nHs == 0 && chg == 0 && nSing == 3 && !in3Ring) tmp = 3.24;
                    else if (nHs == 0 && chg == 0 && nSing == 1 && nDoub == 2) tmp = 11.68;
                    else if (nHs == 0 && chg == 1 && nSing == 2 && nDoub == 1) tmp = 3.01;
                    else if (nHs == 1 && chg == 1 && nSing == 3) tmp = 4.44;
                    else if (nHs == 0 && chg == 0 && nArom == 3) tmp = 4.41;
                    else if (nHs == 0 && chg == 0 && nSing == 1 && nArom == 2) tmp = 4.93;
                    else if (nHs == 0 && chg == 0 && nDoub == 1 && nArom == 2) tmp = 8.39;
                    else if (nHs == 0 && chg == 1 && nArom == 3) tmp = 4.10;
                    else if (nHs == 0 && chg == 1 && nSing == 1 && nArom == 2) tmp = 3.88;
                    break;
                case 4:
                    if (nHs == 0 && nSing == 4 && chg == 1) tmp = 0.0;
                    break;
            }
            if (tmp < 0) tmp = Math.Max(0, 30.5 - nNbrs * 8.2 + nHs * 1.5);
        }
        else
        {
            switch (nNbrs)
            {
                case 1:
                    if (nHs == 0 && chg == 0 && nDoub == 1) tmp = 17.07;
                    else if (nHs == 1 && chg == 0 && nSing == 1) tmp = 20.23;
                    else if (nHs == 0 && chg == -1 && nSing == 1) tmp = 23.06;
                    break;
                case 2:
                    if (nHs == 0 && chg == 0 && nSing == 2 && in3Ring) tmp = 12.53;
                    else if (nHs == 0 && chg == 0 && nSing == 2 && !in3Ring) tmp = 9.23;
                    else if (nHs == 0 && chg == 0 && nArom == 2) tmp = 13.14;
                    break;
            }
            if (tmp < 0) tmp = Math.Max(0, 28.5 - nNbrs * 8.6 + nHs * 1.5);
        }
        return tmp;
    }
}
