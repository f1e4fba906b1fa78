using MolForge.QChem.Basis;
using MolForge.QChem.Integrals;
using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Scf;

/// <summary>Closed-shell restricted Hartree–Fock (Roothaan 1951) with symmetric orthogonalisation (canonical when
/// the overlap is nearly singular), SAD or core guess, Pulay DIIS and an incremental, screened Fock build.</summary>
public static class RhfSolver
{
    /// <summary>Runs RHF for <paramref name="molecule"/> in the named basis.</summary>
    /// <exception cref="QChemInputException">Odd electron count, element not in the basis, too many basis functions.</exception>
    public static ScfResult Run(Molecule3D molecule, string basisName, ScfOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var basis = BasisSet.Build(GaussianBasisFile.Load(basisName), molecule.AtomicNumbers, molecule.Coordinates);
        return Run(molecule, basis, options, cancellationToken);
    }

    /// <summary>Runs RHF in a prepared basis.</summary>
    public static ScfResult Run(Molecule3D molecule, BasisSet basis, ScfOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(basis);
        options ??= new ScfOptions();
        molecule.RequireClosedShell();
        var n = basis.FunctionCount;
        if (n > options.MaxBasisFunctions)
            throw new QChemInputException($"{n} basis functions in {basis.Name} exceed the limit of {options.MaxBasisFunctions}");
        var nocc = molecule.ElectronCount / 2;
        if (nocc > n) throw new QChemInputException($"{molecule.ElectronCount} electrons do not fit in {n} basis functions");

        var s = OneElectronIntegrals.Overlap(basis);
        var h = Matrix.AddScaled(OneElectronIntegrals.Kinetic(basis), OneElectronIntegrals.NuclearAttraction(basis), 1.0);
        var x = Orthogonaliser(s);
        var nmo = x.Cols;
        if (nocc > nmo) throw new QChemInputException($"{molecule.ElectronCount} electrons do not fit in {nmo} independent orbitals");
        var enuc = molecule.NuclearRepulsion();
        var fock = new FockBuilder(basis, options.IntegralThreshold, options.MaxStoredIntegralBytes);

        Matrix density;
        if (options.Guess == ScfGuess.Sad && molecule.AtomCount > 1)
            density = SadGuess.Density(basis, molecule.AtomicNumbers, options);
        else
        {
            var (_, c0) = Diagonalise(h, x);
            density = DensityFrom(c0, nocc);
        }
        // SAD densities are not idempotent; that is fine for building the first Fock matrix.

        var diis = new Diis(options.DiisSize);
        Matrix? gPrev = null, dPrev = null;
        double energy = 0, ePrev = 0;
        var converged = false;
        var iterations = 0;
        double[] eps = [];
        Matrix coefficients = x;
        for (var iter = 1; iter <= options.MaxIterations; iter++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations = iter;
            Matrix g;
            if (options.IncrementalFock && gPrev is not null && dPrev is not null && (iter - 1) % options.FullRebuildInterval != 0)
                g = Matrix.AddScaled(gPrev, fock.Build(Matrix.AddScaled(density, dPrev, -1.0)), 1.0);
            else g = fock.Build(density);
            var f = Matrix.AddScaled(h, g, 1.0);
            energy = enuc + 0.5 * (Matrix.Dot(density, h) + Matrix.Dot(density, f));
            // DIIS error: Xᵀ(FDS − SDF)X
            var fds = Matrix.Multiply(Matrix.Multiply(f, density), s);
            var err = Matrix.Transform(x, Matrix.AddScaled(fds, fds.Transpose(), -1.0));
            var fExtrap = diis.Extrapolate(f, err);
            var (values, c) = Diagonalise(fExtrap, x);
            var newDensity = DensityFrom(c, nocc);
            var dRms = Rms(newDensity, density);
            var dE = Math.Abs(energy - ePrev);
            gPrev = g;
            dPrev = density;
            density = newDensity;
            eps = values;
            coefficients = c;
            if (iter > 1 && dE < options.EnergyTolerance && dRms < options.DensityTolerance)
            {
                converged = true;
                break;
            }
            ePrev = energy;
        }

        // Final orbitals from the un-extrapolated Fock matrix of the last density
        if (converged)
        {
            var gFinal = Matrix.AddScaled(gPrev!, fock.Build(Matrix.AddScaled(density, dPrev!, -1.0)), 1.0);
            var fFinal = Matrix.AddScaled(h, gFinal, 1.0);
            energy = enuc + 0.5 * (Matrix.Dot(density, h) + Matrix.Dot(density, fFinal));
            (eps, coefficients) = Diagonalise(fFinal, x);
            density = DensityFrom(coefficients, nocc);
        }

        return new ScfResult
        {
            Molecule = molecule, Basis = basis, Energy = energy, NuclearRepulsion = enuc, Converged = converged,
            Iterations = iterations, OrbitalEnergies = eps, Coefficients = coefficients, Density = density,
            CoreHamiltonian = h, Overlap = s, OccupiedCount = nocc, FockBuilder = fock,
            MullikenCharges = Mulliken(basis, molecule, density, s), Dipole = DipoleMoment(basis, molecule, density),
        };
    }

    /// <summary>S^(-1/2) (symmetric, Löwdin 1950) or, if S has eigenvalues below 1e-7, the canonical
    /// orthogonaliser that drops those directions.</summary>
    internal static Matrix Orthogonaliser(Matrix s)
    {
        var (values, vectors) = SymmetricEigensolver.Solve(s);
        var n = s.Rows;
        if (values[0] >= 1e-7)
        {
            var scaled = vectors.Clone();
            for (var i = 0; i < n; i++)
                for (var k = 0; k < n; k++) scaled[i, k] /= Math.Sqrt(values[k]);
            return Matrix.Multiply(scaled, vectors.Transpose());
        }
        var keep = Enumerable.Range(0, n).Where(k => values[k] >= 1e-7).ToArray();
        var x = new Matrix(n, keep.Length);
        for (var c = 0; c < keep.Length; c++)
            for (var i = 0; i < n; i++) x[i, c] = vectors[i, keep[c]] / Math.Sqrt(values[keep[c]]);
        return x;
    }

    internal static (double[] Values, Matrix C) Diagonalise(Matrix f, Matrix x)
    {
        var fp = Matrix.Transform(x, f);
        var (values, vectors) = SymmetricEigensolver.Solve(fp);
        return (values, Matrix.Multiply(x, vectors));
    }

    internal static Matrix DensityFrom(Matrix c, int nocc)
    {
        var n = c.Rows;
        var d = new Matrix(n, n);
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                double v = 0;
                for (var k = 0; k < nocc; k++) v += c[i, k] * c[j, k];
                d[i, j] = 2 * v;
                d[j, i] = 2 * v;
            }
        return d;
    }

    private static double Rms(Matrix a, Matrix b)
    {
        double s = 0;
        for (var i = 0; i < a.Data.Length; i++)
        {
            var d = a.Data[i] - b.Data[i];
            s += d * d;
        }
        return Math.Sqrt(s / a.Data.Length);
    }

    private static double[] Mulliken(BasisSet basis, Molecule3D molecule, Matrix d, Matrix s)
    {
        var ds = Matrix.Multiply(d, s);
        var q = molecule.AtomicNumbers.Select(z => (double)z).ToArray();
        var atoms = basis.FunctionAtoms();
        for (var i = 0; i < basis.FunctionCount; i++) q[atoms[i]] -= ds[i, i];
        return q;
    }

    private static double[] DipoleMoment(BasisSet basis, Molecule3D molecule, Matrix d)
    {
        var mu = new double[3];
        for (var k = 0; k < 3; k++)
        {
            double nuc = 0;
            for (var a = 0; a < molecule.AtomCount; a++) nuc += molecule.AtomicNumbers[a] * molecule.Coordinates[3 * a + k];
            mu[k] = nuc - Matrix.Dot(d, OneElectronIntegrals.Dipole(basis, k));
        }
        return mu;
    }
}
