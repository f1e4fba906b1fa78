using MolForge.Chem.Core;

namespace MolForge.Chem.Conformers;

/// <summary>Graph preparation for 3D work: hydrogens as atoms (RDKit's AddHs: each new H bond goes to the end of
/// its heavy atom's bond list, which keeps the meaning of the chiral tag, since RDKit counts an implicit H as the
/// last neighbour) and Kekulé bond orders (aromatic bonds given single/double orders by a maximum matching).</summary>
public static class ExplicitHydrogens
{
    /// <summary>A copy of <paramref name="molecule"/> in which every implicit and bracket hydrogen is an atom.
    /// Coordinates are dropped.</summary>
    public static Molecule Add(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var b = molecule.ToBuilder();
        b.Conformer = null;
        var n = molecule.AtomCount;
        for (var a = 0; a < n; a++)
        {
            var atom = b.GetAtom(a);
            var h = atom.TotalHydrogensOnAtom;
            if (h == 0) continue;
            b.SetAtom(a, atom with { ExplicitHydrogens = 0, ImplicitHydrogens = 0, NoImplicit = true });
            for (var k = 0; k < h; k++)
            {
                var hi = b.AddAtom(new Atom(1, NoImplicit: true));
                b.AddBond(a, hi, BondOrder.Single);
            }
        }
        return b.ToMolecule();
    }

    /// <summary>A copy with aromatic bonds replaced by alternating single/double bonds (flags kept). Atoms that
    /// need a double bond are the aromatic atoms whose valence (counting hydrogens and charge) leaves one
    /// unit free; they are paired along aromatic bonds by augmenting paths (Edmonds-free bipartite-style search
    /// that works for the small ring systems of organic molecules).</summary>
    /// <exception cref="ArgumentException">No Kekulé structure exists.</exception>
    public static Molecule Kekulize(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var hasAromatic = false;
        foreach (var bond in molecule.Bonds) hasAromatic |= bond.Order == BondOrder.Aromatic;
        if (!hasAromatic) return molecule;
        var n = molecule.AtomCount;
        var needs = new bool[n];
        for (var a = 0; a < n; a++)
        {
            var atom = molecule.GetAtom(a);
            var aromaticBonds = 0;
            var valence = atom.TotalHydrogensOnAtom;
            foreach (var bi in molecule.BondsOf(a))
            {
                var bond = molecule.GetBond(bi);
                if (bond.Order == BondOrder.Aromatic) aromaticBonds++;
                else valence += bond.Order.ValenceContributionHalves() / 2;
            }
            if (aromaticBonds == 0) continue;
            valence += aromaticBonds;
            var target = TargetValence(atom, valence);
            needs[a] = target - valence >= 1;
        }
        var mate = new int[n];
        Array.Fill(mate, -1);
        // Greedy start, then augmenting paths from every unmatched atom that needs a double bond.
        for (var a = 0; a < n; a++)
        {
            if (!needs[a] || mate[a] >= 0) continue;
            foreach (var bi in molecule.BondsOf(a))
            {
                var bond = molecule.GetBond(bi);
                var o = bond.OtherAtom(a);
                if (bond.Order == BondOrder.Aromatic && needs[o] && mate[o] < 0)
                {
                    mate[a] = o;
                    mate[o] = a;
                    break;
                }
            }
        }
        for (var a = 0; a < n; a++)
        {
            if (!needs[a] || mate[a] >= 0) continue;
            if (!Augment(molecule, needs, mate, a))
                throw new ArgumentException($"Cannot kekulize: aromatic atom {a} ({molecule.GetAtom(a).Symbol}) has no double-bond partner.", nameof(molecule));
        }
        var b = molecule.ToBuilder();
        for (var bi = 0; bi < molecule.BondCount; bi++)
        {
            var bond = molecule.GetBond(bi);
            if (bond.Order != BondOrder.Aromatic) continue;
            var order = mate[bond.Begin] == bond.End ? BondOrder.Double : BondOrder.Single;
            b.SetBond(bi, bond with { Order = order, IsAromatic = true });
        }
        return b.ToMolecule();
    }

    private static int TargetValence(Atom atom, int valence)
    {
        var z = atom.AtomicNumber;
        var q = atom.FormalCharge;
        // Isoelectronic shift: N+ behaves like C, O+ like N, C- like N, N- like O...
        int effective = z;
        if (z is 5 or 6 or 7 or 8 or 15 or 16 or 33 or 34) effective = z - q;
        int[] vals = effective switch
        {
            5 => [3],
            6 => [4],
            7 => [3, 5],
            8 => [2],
            14 => [4],
            15 => [3, 5],
            16 => [2, 4, 6],
            33 => [3, 5],
            34 => [2, 4, 6],
            _ => [valence],
        };
        foreach (var v in vals)
            if (v >= valence) return v;
        return valence;
    }

    private static bool Augment(Molecule m, bool[] needs, int[] mate, int root)
    {
        // BFS over alternating paths (unmatched edge, then matched edge) on aromatic bonds.
        var n = m.AtomCount;
        var parent = new int[n];
        Array.Fill(parent, -2);
        var queue = new Queue<int>();
        parent[root] = -1;
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var a = queue.Dequeue();
            foreach (var bi in m.BondsOf(a))
            {
                var bond = m.GetBond(bi);
                if (bond.Order != BondOrder.Aromatic) continue;
                var o = bond.OtherAtom(a);
                if (!needs[o] || o == root || parent[o] != -2 || mate[a] == o) continue;
                parent[o] = a;
                if (mate[o] < 0)
                {
                    // Flip the path root ... a - o.
                    var cur = o;
                    while (cur >= 0)
                    {
                        var prev = parent[cur];
                        var next = mate[prev];
                        mate[cur] = prev;
                        mate[prev] = cur;
                        cur = prev == root ? -1 : next;
                    }
                    return true;
                }
                var w = mate[o];
                if (parent[w] != -2) continue;
                parent[w] = o;
                queue.Enqueue(w);
            }
        }
        return false;
    }
}
