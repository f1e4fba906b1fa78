using MolForge.Chem.Core;

namespace MolForge.Chem.Sanitization;

/// <summary>RDKit's valence model (2022.09 <c>Atom::calcExplicitValence</c>/<c>calcImplicitValence</c>, re-written):
/// allowed valences from the periodic table, the formal charge moving an atom to its isoelectronic neighbour
/// (sign reversed for elements left of carbon, and for positive carbon), the aromatic special cases, and the
/// strict check that rejects hypervalent atoms.</summary>
internal static class ValenceModel
{
    private static readonly bool[] Early = BuildEarly();
    private static readonly int[] DefaultValence = BuildDefault();
    private static readonly int[][] ValenceLists = BuildLists();
    private static readonly int[] Outer = BuildOuter();

    /// <summary>RDKit's <c>isEarlyAtom</c>: elements to the left of carbon, where adding H means adding H-.</summary>
    public static bool IsEarlyAtom(int z) => (uint)z < (uint)Early.Length && Early[z];

    public static int Default(int z) => DefaultValence[z];

    public static int[] Valences(int z) => ValenceLists[z];

    public static int OuterElectrons(int z) => Outer[z];

    private static bool[] BuildEarly()
    {
        var t = new bool[Elements.MaxAtomicNumber + 1];
        int[] early = [3, 4, 5, 11, 12, 13, 19, 20, 21, 22, 30, 31, 32, 37, 38, 39, 40, 41, 48, 49, 50, 51, 55, 56, 57, 58,
            59, 60, 61, 72, 73, 80, 81, 82, 83, 87, 88, 89, 90, 91, 92, 93];
        foreach (var z in early) t[z] = true;
        for (var z = 104; z <= Elements.MaxAtomicNumber; z++) t[z] = true;
        return t;
    }

    private static int[] BuildDefault()
    {
        var d = new int[Elements.MaxAtomicNumber + 1];
        for (var z = 0; z < d.Length; z++) d[z] = Elements.Valences(z)[0];
        return d;
    }

    private static int[][] BuildLists()
    {
        var d = new int[Elements.MaxAtomicNumber + 1][];
        for (var z = 0; z < d.Length; z++) d[z] = [.. Elements.Valences(z)];
        return d;
    }

    private static int[] BuildOuter()
    {
        var d = new int[Elements.MaxAtomicNumber + 1];
        for (var z = 0; z < d.Length; z++) d[z] = Elements.OuterElectrons(z);
        return d;
    }

    /// <summary>Valence contribution of a bond (aromatic 1.5).</summary>
    public static double Contribution(BondOrder order) => order switch
    {
        BondOrder.Single => 1.0,
        BondOrder.Double => 2.0,
        BondOrder.Triple => 3.0,
        BondOrder.Quadruple => 4.0,
        BondOrder.Aromatic => 1.5,
        _ => 0.0,
    };

    /// <summary>The charge used to shift the valence: negated for early atoms and for positive carbon.</summary>
    public static int EffectiveCharge(int z, int charge)
    {
        if (IsEarlyAtom(z)) charge = -charge;
        if (z == 6 && charge > 0) charge = -charge;
        return charge;
    }

    /// <summary>Explicit valence of an atom; with <paramref name="strict"/>, throws for valences above the maximum.</summary>
    public static int CalcExplicitValence(MolGraph g, int atom, bool strict)
    {
        ref readonly var a = ref g.Atoms[atom];
        double accum = 0;
        for (var p = g.AdjStart[atom]; p < g.AdjStart[atom + 1]; p++) accum += Contribution(g.Bonds[g.AdjBond[p]].Order);
        accum += a.ExplicitHydrogens;
        int z = a.AtomicNumber;
        var dv = DefaultValence[z];
        var chr = EffectiveCharge(z, a.FormalCharge);
        if (accum > dv + chr && g.IsAromaticAtom(atom))
        {
            var pval = dv + chr;
            foreach (var v in ValenceLists[z])
            {
                if (v == -1) break;
                var val = v + chr;
                if (val > accum) break;
                pval = val;
            }
            if (accum - pval <= 1.5) accum = pval;
        }
        accum += 0.1;
        var res = (int)Math.Round(accum, MidpointRounding.AwayFromZero);
        if (strict)
        {
            var effective = Outer[z] >= 4 ? res - a.FormalCharge : res + a.FormalCharge;
            var list = ValenceLists[z];
            var max = list[^1];
            if (max > 0 && effective > max)
                throw new SanitizationException($"atom {atom} ({Elements.Symbol(z)}) has valence {effective}, more than allowed ({max})", atom);
        }
        g.ExplicitValence[atom] = res;
        return res;
    }

    /// <summary>Implicit hydrogen count (RDKit's implicit valence), using the cached explicit valence.</summary>
    public static int CalcImplicitValence(MolGraph g, int atom, bool strict)
    {
        ref readonly var a = ref g.Atoms[atom];
        if (a.NoImplicit) return 0;
        int z = a.AtomicNumber;
        if (z == 0) return 0;
        var ev = g.ExplicitValence[atom];
        if (ev == 0 && z == 1 && a.RadicalElectrons == 0)
        {
            if (a.FormalCharge is 1 or -1) return 0;
            if (a.FormalCharge == 0) return 1;
            if (strict) throw new SanitizationException($"atom {atom} (H) has an unreasonable formal charge {a.FormalCharge}", atom);
            return 0;
        }
        var dv = DefaultValence[z];
        if (dv == -1) return 0;
        var list = ValenceLists[z];
        var evr = ev + a.RadicalElectrons;
        var chg = EffectiveCharge(z, a.FormalCharge);
        if (g.IsAromaticAtom(atom))
        {
            if (evr <= dv + chg) return dv + chg - evr;
            var satisfied = false;
            foreach (var v in list)
            {
                if (v <= 0) break;
                if (evr == v + chg) { satisfied = true; break; }
            }
            if (strict && !satisfied)
                throw new SanitizationException($"atom {atom} ({Elements.Symbol(z)}) is aromatic with valence {evr}, which is not an allowed valence", atom);
            return 0;
        }
        foreach (var v in list)
        {
            if (v < 0) break;
            var tot = v + chg;
            if (evr <= tot) return tot - evr;
        }
        if (strict && list[^1] != -1)
            throw new SanitizationException($"atom {atom} ({Elements.Symbol(z)}) has valence {evr}, more than allowed", atom);
        return 0;
    }
}
