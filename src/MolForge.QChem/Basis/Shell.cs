namespace MolForge.QChem.Basis;

/// <summary>A contracted Cartesian Gaussian shell on an atom. <see cref="Coefficients"/> already include the
/// primitive normalisation and the contraction normalisation (Psi4's convention: the x^L component is
/// normalised; all Cartesian components of the shell share the coefficients).</summary>
public sealed class Shell
{
    internal Shell(int l, int atom, double x, double y, double z, double[] exponents, double[] coefficients, int firstFunction)
    {
        L = l; Atom = atom; X = x; Y = y; Z = z; Exponents = exponents; Coefficients = coefficients; FirstFunction = firstFunction;
    }

    /// <summary>Angular momentum.</summary>
    public int L { get; }
    /// <summary>Index of the atom the shell sits on.</summary>
    public int Atom { get; }
    /// <summary>Centre (bohr).</summary>
    public double X { get; }
    /// <summary>Centre (bohr).</summary>
    public double Y { get; }
    /// <summary>Centre (bohr).</summary>
    public double Z { get; }
    /// <summary>Primitive exponents.</summary>
    public double[] Exponents { get; }
    /// <summary>Normalised contraction coefficients (see class remarks).</summary>
    public double[] Coefficients { get; }
    /// <summary>Index of the shell's first basis function.</summary>
    public int FirstFunction { get; }
    /// <summary>Number of Cartesian functions, (L+1)(L+2)/2.</summary>
    public int Size => (L + 1) * (L + 2) / 2;
    /// <summary>Number of primitives.</summary>
    public int Primitives => Exponents.Length;

    /// <summary>Normalises raw file coefficients as Psi4 does for Cartesian shells: each primitive gets
    /// N = sqrt(2^L (2a)^(L+3/2) / (pi^(3/2) (2L-1)!!)), then the contraction is scaled to unit self-overlap of
    /// the x^L component.</summary>
    public static double[] Normalise(int l, double[] exponents, double[] raw)
    {
        var n = exponents.Length;
        var c = new double[n];
        var df = DoubleFactorial(2 * l - 1);
        for (var i = 0; i < n; i++)
        {
            var a = exponents[i];
            c[i] = raw[i] * Math.Sqrt(Math.Pow(2, l) * Math.Pow(2 * a, l + 1.5) / (Math.Pow(Math.PI, 1.5) * df));
        }
        double s = 0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var p = exponents[i] + exponents[j];
                s += c[i] * c[j] * df * Math.Pow(Math.PI, 1.5) / (Math.Pow(2 * p, l) * Math.Pow(p, 1.5));
            }
        var scale = 1.0 / Math.Sqrt(s);
        for (var i = 0; i < n; i++) c[i] *= scale;
        return c;
    }

    internal static double DoubleFactorial(int n)
    {
        double r = 1;
        for (var k = n; k > 1; k -= 2) r *= k;
        return r;
    }
}
