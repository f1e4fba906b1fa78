namespace MolForge.QChem.Basis;

/// <summary>Order of Cartesian components within a shell (Psi4/libint order): for L, lx runs from L down to 0 and,
/// for each lx, lz runs up from 0, e.g. d: xx, xy, xz, yy, yz, zz.</summary>
public static class CartesianOrder
{
    /// <summary>The exponents (lx, ly, lz) of component <paramref name="index"/> of a shell of angular momentum l.</summary>
    public static (int X, int Y, int Z) Component(int l, int index)
    {
        var k = 0;
        for (var i = 0; i <= l; i++)
            for (var j = 0; j <= i; j++, k++)
                if (k == index) return (l - i, i - j, j);
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>Index of (lx, ly, lz) within its shell.</summary>
    public static int IndexOf(int lx, int ly, int lz)
    {
        var i = ly + lz;
        return i * (i + 1) / 2 + lz;
    }

    /// <summary>Label such as "xxy" (s gives "s").</summary>
    public static string Label(int l, int index)
    {
        if (l == 0) return "s";
        var (x, y, z) = Component(l, index);
        return new string('x', x) + new string('y', y) + new string('z', z);
    }
}
