using MolForge.QChem.Basis;

namespace MolForge.QChem.Integrals;

/// <summary>Precomputed data of a shell pair for the two-electron integrals (Gaussian product theorem per
/// primitive pair, after dropping negligible primitive pairs). Shell <see cref="A"/> has L ≥ shell <see cref="B"/>.</summary>
internal sealed class ShellPair
{
    /// <summary>Primitive pairs whose prefactor is below this are dropped.</summary>
    public const double PrimitiveThreshold = 1e-15;

    public ShellPair(Shell first, Shell second, int firstIndex, int secondIndex)
    {
        if (first.L >= second.L) { A = first; B = second; IndexA = firstIndex; IndexB = secondIndex; }
        else { A = second; B = first; IndexA = secondIndex; IndexB = firstIndex; }
        ABx = A.X - B.X; ABy = A.Y - B.Y; ABz = A.Z - B.Z;
        var ab2 = ABx * ABx + ABy * ABy + ABz * ABz;
        var list = new List<(double Zeta, double Px, double Py, double Pz, double K)>();
        for (var i = 0; i < A.Primitives; i++)
            for (var j = 0; j < B.Primitives; j++)
            {
                double a = A.Exponents[i], b = B.Exponents[j], z = a + b;
                // K = c_a c_b exp(-ab/z |AB|²) / z; the ERI prefactor is 2π^{5/2} K_ab K_cd / sqrt(z+η)
                var k = A.Coefficients[i] * B.Coefficients[j] * Math.Exp(-a * b / z * ab2) / z;
                if (Math.Abs(k) * 34.986836655249725 < PrimitiveThreshold) continue; // 2π^{5/2}
                list.Add((z, (a * A.X + b * B.X) / z, (a * A.Y + b * B.Y) / z, (a * A.Z + b * B.Z) / z, k));
            }
        Count = list.Count;
        Zeta = list.Select(t => t.Zeta).ToArray();
        Px = list.Select(t => t.Px).ToArray();
        Py = list.Select(t => t.Py).ToArray();
        Pz = list.Select(t => t.Pz).ToArray();
        K = list.Select(t => t.K).ToArray();
    }

    public Shell A { get; }
    public Shell B { get; }
    public int IndexA { get; }
    public int IndexB { get; }
    public double ABx { get; }
    public double ABy { get; }
    public double ABz { get; }
    public int Count { get; }
    public double[] Zeta { get; }
    public double[] Px { get; }
    public double[] Py { get; }
    public double[] Pz { get; }
    public double[] K { get; }
    /// <summary>Schwarz bound sqrt(max |(ab|ab)|), set by the caller.</summary>
    public double Schwarz { get; set; }
    /// <summary>Number of integrals in a quartet with this pair on one side: size(A)·size(B).</summary>
    public int Size => A.Size * B.Size;
}
