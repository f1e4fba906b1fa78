using System.Globalization;
using System.Numerics;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Tests.TestSupport;

/// <summary>One Psi4 CASCI reference (tools/references/make_active_space_fcidumps.py).</summary>
public sealed record CasciReference(string Name, int Electrons, int Orbitals, double Nuclear, double Hf, double Casci, string File)
{
    public ActiveSpaceIntegrals Load() => Fcidump.ReadFile(Path.Combine(ReferenceData.Directory, File));

    public override string ToString() => $"{Name}({Electrons},{Orbitals})";
}

public static class ReferenceData
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "References");

    public static IReadOnlyList<CasciReference> All { get; } = File.ReadAllLines(Path.Combine(Directory, "casci_reference.tsv"))
        .Where(l => !l.StartsWith('#') && !l.StartsWith("name", StringComparison.Ordinal))
        .Select(l => l.Split('\t'))
        .Select(f => new CasciReference(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture),
            double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture),
            double.Parse(f[6], CultureInfo.InvariantCulture), f[7]))
        .ToList();

    public static CasciReference Get(string name, int electrons, int orbitals) =>
        All.Single(r => r.Name == name && r.Electrons == electrons && r.Orbitals == orbitals);

    /// <summary>xUnit member data: every reference.</summary>
    public static TheoryData<string, int, int> AllCases()
    {
        var d = new TheoryData<string, int, int>();
        foreach (var r in All) d.Add(r.Name, r.Electrons, r.Orbitals);
        return d;
    }
}

public static class Dense
{
    /// <summary>The dense matrix of a qubit operator, built from the definition P|b⟩ = i^nY (−1)^|b∧z| |b⊕x⟩.</summary>
    public static Complex[] Matrix(QubitOperator op, int n)
    {
        int dim = 1 << n;
        var m = new Complex[dim * dim];
        foreach (var (p, c) in op.Terms)
            for (int b = 0; b < dim; b++)
            {
                int row = b ^ (int)p.X;
                double sign = (BitOperations.PopCount((ulong)b & p.Z) & 1) != 0 ? -1 : 1;
                m[row * dim + b] += c * sign * PauliString.IPower(p.YCount);
            }
        return m;
    }

    /// <summary>Real part of a Hermitian operator's matrix, after checking the imaginary part vanishes.</summary>
    public static double[] RealMatrix(QubitOperator op, int n)
    {
        var m = Matrix(op, n);
        Assert.All(m, z => Assert.True(Math.Abs(z.Imaginary) < 1e-10));
        return m.Select(z => z.Real).ToArray();
    }

    /// <summary>Single-qubit Pauli matrices composed by Kronecker products (qubit 0 = least significant).</summary>
    public static Complex[] KronPauli(PauliString p, int n)
    {
        var m = new Complex[] { 1 };
        int dim = 1;
        for (int q = n - 1; q >= 0; q--)
        {
            Complex[] s = p[q] switch
            {
                'X' => [0, 1, 1, 0],
                'Y' => [0, -Complex.ImaginaryOne, Complex.ImaginaryOne, 0],
                'Z' => [1, 0, 0, -1],
                _ => [1, 0, 0, 1],
            };
            var r = new Complex[dim * 2 * dim * 2];
            for (int i = 0; i < dim; i++)
                for (int j = 0; j < dim; j++)
                    for (int a = 0; a < 2; a++)
                        for (int b = 0; b < 2; b++)
                            r[(i * 2 + a) * dim * 2 + j * 2 + b] = m[i * dim + j] * s[a * 2 + b];
            m = r;
            dim *= 2;
        }
        return m;
    }

    public static Complex[] Multiply(Complex[] a, Complex[] b, int dim)
    {
        var r = new Complex[dim * dim];
        for (int i = 0; i < dim; i++)
            for (int k = 0; k < dim; k++)
            {
                var aik = a[i * dim + k];
                if (aik == Complex.Zero) continue;
                for (int j = 0; j < dim; j++) r[i * dim + j] += aik * b[k * dim + j];
            }
        return r;
    }

    public static Complex[] MatVec(Complex[] m, Complex[] v)
    {
        int dim = v.Length;
        var r = new Complex[dim];
        for (int i = 0; i < dim; i++)
        {
            Complex s = 0;
            for (int j = 0; j < dim; j++) s += m[i * dim + j] * v[j];
            r[i] = s;
        }
        return r;
    }

    public static void AssertClose(ReadOnlySpan<Complex> expected, ReadOnlySpan<Complex> actual, double tol = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True((expected[i] - actual[i]).Magnitude < tol, $"amplitude {i}: expected {expected[i]}, got {actual[i]}");
    }
}
