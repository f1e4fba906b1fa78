using FsCheck;
using FsCheck.Fluent;
using MolForge.QChem.Basis;
using MolForge.QChem.Scf;

namespace MolForge.QChem.Tests.Basis;

public class BasisAndInputTests
{
    [Theory]
    [InlineData("sto-3g", 1, 53)]
    [InlineData("6-31g", 1, 36)]
    [InlineData("6-31g*", 1, 36)]
    public void Shipped_basis_sets_cover_the_psi4_elements(string name, int first, int last)
    {
        var file = GaussianBasisFile.Load(name);
        Assert.Equal(first, file.Elements.Min());
        Assert.Equal(last, file.Elements.Max());
    }

    [Fact]
    public void Six31gStar_has_cartesian_d_on_carbon_and_sp_shells_split()
    {
        var file = GaussianBasisFile.Load("6-31G*");
        Assert.True(file.Cartesian);
        var carbon = file.ShellsOf(6)!;
        Assert.Equal([0, 0, 1, 0, 1, 2], carbon.Select(s => s.L));
        Assert.Equal(carbon[1].Exponents, carbon[2].Exponents);
        var basis = BasisSet.Build(file, [6], [0.0, 0.0, 0.0]);
        Assert.Equal(15, basis.FunctionCount); // 3 s + 2 p×3 + 6 d
    }

    [Theory]
    [InlineData("H 0\nS 3 1.00\n 1.0 0.5\n****\n", "file ends inside a shell")]
    [InlineData("H 0\nQ 1 1.00\n 1.0 0.5\n****\n", "unknown shell type")]
    [InlineData("H 0\nS x 1.00\n 1.0 0.5\n****\n", "bad primitive count")]
    [InlineData("H 0\nS 1 1.00\n 1.0 abc\n****\n", "bad number")]
    [InlineData("Qq 0\nS 1 1.00\n 1.0 1.0\n****\n", "expected 'Symbol 0'")]
    public void Malformed_basis_files_are_reported_with_the_line(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => GaussianBasisFile.Parse(new StringReader(text), "bad"));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("line ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fortran_exponents_are_read()
    {
        var f = GaussianBasisFile.Parse(new StringReader("He 0\nS 2 1.00\n 1.5D+01 0.25D0\n 2.0E-01 7.5d-1\n****\n"), "t");
        Assert.Equal([15.0, 0.2], f.ShellsOf(2)![0].Exponents);
        Assert.Equal([0.25, 0.75], f.ShellsOf(2)![0].Coefficients);
    }

    [Fact]
    public void Contracted_shells_are_normalised_for_random_exponents()
    {
        Prop.ForAll(Gen.Choose(0, 3).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (l, n, seed) =>
        {
            var rnd = new Random(seed);
            var exps = Enumerable.Range(0, n).Select(_ => Math.Exp(rnd.NextDouble() * 8 - 3)).ToArray();
            var coefs = Enumerable.Range(0, n).Select(_ => rnd.NextDouble() + 0.05).ToArray();
            var text = $"H 0\n{"SPDF"[l]} {n} 1.00\n" + string.Concat(exps.Zip(coefs, (e, c) => FormattableString.Invariant($" {e:R} {c:R}\n"))) + "****\n";
            var basis = BasisSet.Build(GaussianBasisFile.Parse(new StringReader(text), "r"), [1], [0.1, 0.2, 0.3]);
            var s = QChem.Integrals.OneElectronIntegrals.Overlap(basis);
            return Math.Abs(s[0, 0] - 1) < 1e-10;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Unknown_element_for_the_basis_names_the_atom()
    {
        var mol = Molecule3D.FromAngstrom([1, 37], [0, 0, 0, 0, 0, 2.0], 0);
        var ex = Assert.Throws<QChemInputException>(() => RhfSolver.Run(mol, "6-31g"));
        Assert.Equal("atom 2 (Rb): element not covered by basis set 6-31g", ex.Message);
    }

    [Fact]
    public void Unknown_basis_name_is_refused()
    {
        var ex = Assert.Throws<QChemInputException>(() => GaussianBasisFile.Load("cc-pvdz"));
        Assert.Contains("unknown basis set 'cc-pvdz'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atoms_closer_than_a_tenth_of_an_angstrom_are_refused()
    {
        var ex = Assert.Throws<QChemInputException>(() => Molecule3D.FromAngstrom([8, 1, 1], [0, 0, 0, 0.05, 0, 0, 0, 0.9, 0], 0));
        Assert.Contains("atoms 1 (O) and 2 (H) are 0.05 Å apart", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Odd_electron_counts_are_refused_with_the_contract_message()
    {
        var mol = Molecule3D.FromAngstrom([7, 1, 1], [0, 0, 0, 1.0, 0, 0, 0, 1.0, 0], 0);
        var ex = Assert.Throws<QChemInputException>(() => RhfSolver.Run(mol, "sto-3g"));
        Assert.Equal("molecule has 9 electrons (charge 0): open-shell systems are not supported; use --charge", ex.Message);
    }

    [Fact]
    public void Charge_removing_more_electrons_than_exist_is_refused()
    {
        var ex = Assert.Throws<QChemInputException>(() => Molecule3D.FromAngstrom([1, 1], [0, 0, 0, 0.74, 0, 0], 3));
        Assert.Contains("charge 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Basis_function_limit_is_enforced()
    {
        var mol = ReferenceData.Molecule("benzene", 0);
        var ex = Assert.Throws<QChemInputException>(() => RhfSolver.Run(mol, "6-31g", new ScfOptions { MaxBasisFunctions = 50 }));
        Assert.Equal("66 basis functions in 6-31g exceed the limit of 50", ex.Message);
    }
}
