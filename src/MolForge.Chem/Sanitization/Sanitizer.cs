using MolForge.Chem.Canonical;
using MolForge.Chem.Core;
using MolForge.Chem.Rings;

namespace MolForge.Chem.Sanitization;

/// <summary>RDKit's default sanitisation (MolOps::sanitizeMol, 2022.09) followed by MolFromSmiles' hydrogen
/// removal: clean-up of nitro/N-oxide/perhalate forms, valence and implicit hydrogens, ring perception,
/// kekulisation, radicals, aromaticity perception, stereo clean-up, hydrogen adjustment.</summary>
public static class Sanitizer
{
    /// <summary>Sanitises a molecule built without sanitisation (e.g. from a file); returns a new molecule.</summary>
    /// <exception cref="SanitizationException">Valence or kekulisation failure.</exception>
    public static Molecule Sanitize(Molecule molecule, bool removeHydrogens = false)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var g = new MolGraph(molecule);
        g.BuildAdjacency();
        var result = Sanitize(g, molecule.Name, removeHydrogens, out var kept);
        if (molecule.Properties.Count > 0) result = result.WithProperties(molecule.Properties);
        if (molecule.Conformer is { } conf)
        {
            if (kept is null) result = result.WithConformer(conf);
            else
            {
                var pos = new Point3D[kept.Length];
                for (var i = 0; i < kept.Length; i++) pos[i] = conf[kept[i]];
                result = result.WithConformer(new Conformer(pos, conf.Is3D));
            }
        }
        return result;
    }

    internal static Molecule Sanitize(MolGraph g, string name, bool removeHydrogens) => Sanitize(g, name, removeHydrogens, out _);

    internal static Molecule Sanitize(MolGraph g, string name, bool removeHydrogens, out int[]? keptAtoms)
    {
        keptAtoms = null;
        var n = g.AtomCount;
        if (g.ExplicitValence.Length < n || g.AdjStart.Length != n + 1) g.BuildAdjacency();
        // 1. Clean-up (nitro, N-oxides, perhalates, phosphorus ylides).
        for (var i = 0; i < n; i++)
        {
            switch (g.Atoms[i].AtomicNumber)
            {
                case 7: NitrogenCleanup(g, i); break;
                case 15: PhosphorusCleanup(g, i); break;
                case 17: case 35: case 53: HalogenCleanup(g, i); break;
            }
        }
        // 2. Valence and implicit hydrogens (strict).
        var implicitH = new int[n];
        for (var i = 0; i < n; i++) ValenceModel.CalcExplicitValence(g, i, true);
        for (var i = 0; i < n; i++) implicitH[i] = ValenceModel.CalcImplicitValence(g, i, true);
        // 3. Rings.
        var rings = SssrFinder.Find(n, g.BondSpan);
        // 4. Kekulisation.
        Kekulizer.Kekulize(g, rings, implicitH);
        // 5. Radicals.
        AssignRadicals(g);
        // 6. Aromaticity.
        for (var i = 0; i < n; i++) ValenceModel.CalcExplicitValence(g, i, false);
        AromaticityPerception.Perceive(g, rings, implicitH);
        // 7. Adjust hydrogens: atoms that lost implicit H on becoming aromatic keep them as explicit H.
        for (var i = 0; i < n; i++)
        {
            ValenceModel.CalcExplicitValence(g, i, false);
            var now = ValenceModel.CalcImplicitValence(g, i, false);
            if (now < implicitH[i])
                g.Atoms[i] = g.Atoms[i] with { ExplicitHydrogens = (byte)(g.Atoms[i].ExplicitHydrogens + implicitH[i] - now) };
            implicitH[i] = now;
            g.Atoms[i] = g.Atoms[i] with { ImplicitHydrogens = (byte)now };
        }
        // Safety net: the final (Kekulé or re-aromatised) form must itself satisfy the valence model, so that what
        // we accept can always be written and read back (inputs such as aromatic atoms with triple bonds can
        // otherwise leave an over-valent Kekulé structure).
        for (var i = 0; i < n; i++) ValenceModel.CalcExplicitValence(g, i, true);
        if (removeHydrogens && HasRemovableH(g))
        {
            g = RemoveHydrogens(g);
            keptAtoms = g.OriginalIndex;
            rings = SssrFinder.Find(g.AtomCount, g.BondSpan);
        }
        var molecule = g.ToMolecule(name, rings);
        // 8. Stereo clean-up (RDKit's cleanupChirality + assignStereochemistry(cleanIt)).
        return StereoCleanup.Apply(molecule);
    }

    private static void NitrogenCleanup(MolGraph g, int a)
    {
        if (g.Atoms[a].FormalCharge != 0) return;
        var arom = g.Atoms[a].IsAromatic;
        g.Atoms[a] = g.Atoms[a] with { IsAromatic = false };
        if (ValenceModel.CalcExplicitValence(g, a, false) == 5)
        {
            for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1]; p++)
            {
                var o = g.AdjAtom[p];
                var b = g.AdjBond[p];
                if (g.Atoms[o].AtomicNumber == 8 && g.Atoms[o].FormalCharge == 0 && g.Bonds[b].Order == BondOrder.Double)
                {
                    g.Bonds[b] = g.Bonds[b] with { Order = BondOrder.Single };
                    g.Atoms[a] = g.Atoms[a] with { FormalCharge = 1 };
                    g.Atoms[o] = g.Atoms[o] with { FormalCharge = -1 };
                    break;
                }
                if (g.Atoms[o].AtomicNumber == 7 && g.Atoms[o].FormalCharge == 0 && g.Bonds[b].Order == BondOrder.Triple)
                {
                    g.Bonds[b] = g.Bonds[b] with { Order = BondOrder.Double };
                    g.Atoms[a] = g.Atoms[a] with { FormalCharge = 1 };
                    g.Atoms[o] = g.Atoms[o] with { FormalCharge = -1 };
                    break;
                }
            }
        }
        g.Atoms[a] = g.Atoms[a] with { IsAromatic = arom };
    }

    private static void PhosphorusCleanup(MolGraph g, int a)
    {
        if (g.Atoms[a].FormalCharge != 0) return;
        if (ValenceModel.CalcExplicitValence(g, a, false) != 5 || g.Degree(a) != 3) return;
        int dblO = -1, oAtom = -1;
        var doubleToCN = false;
        for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1]; p++)
        {
            var o = g.AdjAtom[p];
            var b = g.AdjBond[p];
            if (g.Atoms[o].AtomicNumber == 8 && g.Atoms[o].FormalCharge == 0 && g.Bonds[b].Order == BondOrder.Double) { dblO = b; oAtom = o; }
            else if (g.Atoms[o].AtomicNumber is 6 or 7 && g.Degree(o) >= 2 && g.Bonds[b].Order == BondOrder.Double) doubleToCN = true;
        }
        if (doubleToCN && dblO >= 0)
        {
            g.Atoms[oAtom] = g.Atoms[oAtom] with { FormalCharge = -1 };
            g.Bonds[dblO] = g.Bonds[dblO] with { Order = BondOrder.Single };
            g.Atoms[a] = g.Atoms[a] with { FormalCharge = 1 };
        }
    }

    private static void HalogenCleanup(MolGraph g, int a)
    {
        var ev = ValenceModel.CalcExplicitValence(g, a, false);
        if (g.Atoms[a].FormalCharge != 0 || ev is not (7 or 5 or 3)) return;
        for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1]; p++)
            if (g.Atoms[g.AdjAtom[p]].AtomicNumber != 8) return;
        var charge = 0;
        for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1]; p++)
        {
            var b = g.AdjBond[p];
            if (g.Bonds[b].Order != BondOrder.Double) continue;
            g.Bonds[b] = g.Bonds[b] with { Order = BondOrder.Single };
            charge++;
            var o = g.AdjAtom[p];
            g.Atoms[o] = g.Atoms[o] with { FormalCharge = -1 };
        }
        g.Atoms[a] = g.Atoms[a] with { FormalCharge = (sbyte)charge };
    }

    /// <summary>RDKit's assignRadicals for atoms without implicit hydrogens (bracket atoms).</summary>
    private static void AssignRadicals(MolGraph g)
    {
        for (var i = 0; i < g.AtomCount; i++)
        {
            ref var at = ref g.Atoms[i];
            if (!at.NoImplicit || at.RadicalElectrons != 0 || at.AtomicNumber == 0) continue;
            int z = at.AtomicNumber;
            var valens = ValenceModel.Valences(z);
            int chg = at.FormalCharge;
            var nOuter = ValenceModel.OuterElectrons(z);
            int radicals;
            if (valens.Length != 1 || valens[0] != -1)
            {
                double accum = 0;
                for (var p = g.AdjStart[i]; p < g.AdjStart[i + 1]; p++) accum += ValenceModel.Contribution(g.Bonds[g.AdjBond[p]].Order);
                accum += at.ExplicitHydrogens;
                var total = (int)(accum + 0.1);
                var baseCount = z is 1 or 2 ? 2 : 8;
                radicals = baseCount - nOuter - total + chg;
                if (radicals < 0)
                {
                    radicals = 0;
                    if (valens.Length > 1)
                    {
                        foreach (var v in valens)
                        {
                            if (v - total + chg >= 0) { radicals = v - total + chg; break; }
                        }
                    }
                }
                var r2 = nOuter - total - chg;
                if (r2 >= 0) radicals = Math.Min(radicals, r2);
            }
            else
            {
                var nv = nOuter - chg;
                if (nv < 0) nv = 0;
                radicals = nv % 2;
            }
            at = at with { RadicalElectrons = (byte)Math.Clamp(radicals, 0, 255) };
        }
    }

    private static bool IsRemovableH(MolGraph g, int i)
    {
        ref readonly var a = ref g.Atoms[i];
        if (a.AtomicNumber != 1 || a.Isotope != 0 || a.FormalCharge != 0 || a.RadicalElectrons != 0 || a.ExplicitHydrogens != 0) return false;
        if (g.Degree(i) != 1) return false;
        var heavy = g.AdjAtom[g.AdjStart[i]];
        var bond = g.Bonds[g.AdjBond[g.AdjStart[i]]];
        if (bond.Order != BondOrder.Single) return false;
        if (g.Atoms[heavy].AtomicNumber is 1 or 0) return false;
        // Keep H that defines double-bond stereo.
        for (var b = 0; b < g.BondCount; b++)
        {
            ref readonly var bd = ref g.Bonds[b];
            if (bd.Stereo != BondStereo.None && (bd.StereoAtomBegin == i || bd.StereoAtomEnd == i)) return false;
        }
        return true;
    }

    private static bool HasRemovableH(MolGraph g)
    {
        for (var i = 0; i < g.AtomCount; i++) if (g.Atoms[i].AtomicNumber == 1 && IsRemovableH(g, i)) return true;
        return false;
    }

    /// <summary>Removes ordinary H atoms, moving them onto their heavy neighbour's H count (chirality kept: the model
    /// places hydrogens last in neighbour order, so the H's position fixes the parity change).</summary>
    private static MolGraph RemoveHydrogens(MolGraph g)
    {
        var n = g.AtomCount;
        var remove = new bool[n];
        for (var i = 0; i < n; i++) remove[i] = IsRemovableH(g, i);
        var map = new int[n];
        var ng = new MolGraph(n, g.BondCount);
        for (var i = 0; i < n; i++)
        {
            if (remove[i]) { map[i] = -1; continue; }
            var atom = g.Atoms[i];
            var removedHere = 0;
            var flips = 0;
            var position = 0;
            var deg = g.Degree(i);
            for (var p = g.AdjStart[i]; p < g.AdjStart[i + 1]; p++, position++)
            {
                if (!remove[g.AdjAtom[p]]) continue;
                // Moving this H from its position to the end (after the remaining neighbours and earlier-moved Hs).
                flips += deg - 1 - position;
                removedHere++;
            }
            if (removedHere > 0)
            {
                atom = atom with { ExplicitHydrogens = (byte)(atom.ExplicitHydrogens + removedHere) };
                if (atom.Chirality != ChiralTag.None && (flips & 1) == 1)
                    atom = atom with { Chirality = atom.Chirality == ChiralTag.Clockwise ? ChiralTag.CounterClockwise : ChiralTag.Clockwise };
            }
            map[i] = ng.AddAtom(atom);
        }
        for (var b = 0; b < g.BondCount; b++)
        {
            var bd = g.Bonds[b];
            if (remove[bd.Begin] || remove[bd.End]) continue;
            ng.AddBond(bd with
            {
                Begin = map[bd.Begin],
                End = map[bd.End],
                StereoAtomBegin = bd.StereoAtomBegin < 0 ? -1 : map[bd.StereoAtomBegin],
                StereoAtomEnd = bd.StereoAtomEnd < 0 ? -1 : map[bd.StereoAtomEnd],
            });
        }
        ng.BuildAdjacency();
        var original = new int[ng.AtomCount];
        for (var i = 0; i < n; i++) if (map[i] >= 0) original[map[i]] = i;
        ng.OriginalIndex = original;
        return ng;
    }
}
