namespace MolForge.QChem.Integrals;

/// <summary>Index tables over all Cartesian components with total angular momentum 0..MaxL, in the global order
/// offset(l) + index-within-shell (see <see cref="Basis.CartesianOrder"/>), used by the recurrences.</summary>
internal static class CartesianTables
{
    public const int MaxL = 10;
    /// <summary>Number of components with l' ≤ l: (l+1)(l+2)(l+3)/6.</summary>
    public static int Cumulative(int l) => l < 0 ? 0 : (l + 1) * (l + 2) * (l + 3) / 6;
    /// <summary>Offset of level l: Cumulative(l-1).</summary>
    public static int Offset(int l) => Cumulative(l - 1);

    public static readonly int Count = Cumulative(MaxL);
    /// <summary>Total angular momentum of each component.</summary>
    public static readonly int[] Level = new int[Count];
    /// <summary>Exponent of direction d (0..2) of each component: [g*3+d].</summary>
    public static readonly int[] Power = new int[Count * 3];
    /// <summary>Index of component + 1 in direction d, or -1 beyond MaxL: [g*3+d].</summary>
    public static readonly int[] Plus = new int[Count * 3];
    /// <summary>Index of component − 1 in direction d, or -1: [g*3+d].</summary>
    public static readonly int[] Minus = new int[Count * 3];
    /// <summary>Direction used to build a component from a lower one (its first non-zero exponent).</summary>
    public static readonly int[] BuildDirection = new int[Count];

    public static int Index(int x, int y, int z)
    {
        var l = x + y + z;
        return Offset(l) + Basis.CartesianOrder.IndexOf(x, y, z);
    }

    static CartesianTables()
    {
        for (var l = 0; l <= MaxL; l++)
            for (var i = 0; i <= l; i++)
                for (var j = 0; j <= i; j++)
                {
                    int x = l - i, y = i - j, z = j;
                    var g = Index(x, y, z);
                    Level[g] = l;
                    Power[g * 3] = x; Power[g * 3 + 1] = y; Power[g * 3 + 2] = z;
                    BuildDirection[g] = x > 0 ? 0 : y > 0 ? 1 : 2;
                    Plus[g * 3] = l < MaxL ? Index(x + 1, y, z) : -1;
                    Plus[g * 3 + 1] = l < MaxL ? Index(x, y + 1, z) : -1;
                    Plus[g * 3 + 2] = l < MaxL ? Index(x, y, z + 1) : -1;
                    Minus[g * 3] = x > 0 ? Index(x - 1, y, z) : -1;
                    Minus[g * 3 + 1] = y > 0 ? Index(x, y - 1, z) : -1;
                    Minus[g * 3 + 2] = z > 0 ? Index(x, y, z - 1) : -1;
                }
    }
}
