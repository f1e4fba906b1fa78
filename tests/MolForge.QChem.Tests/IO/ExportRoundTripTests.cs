using System.Globalization;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Basis;
using MolForge.QChem.Ci;
using MolForge.QChem.IO;
using MolForge.QChem.Scf;

namespace MolForge.QChem.Tests.IO;

public class ExportRoundTripTests
{
    [Fact]
    public void Fcidump_written_and_read_back_gives_the_same_integrals_and_casci_energy()
    {
        var scf = RhfSolver.Run(ReferenceData.Molecule("formaldehyde", 0), "sto-3g");
        var ints = ActiveSpaceBuilder.Build(scf, 4, 4);
        var text = new StringWriter();
        FcidumpWriter.Write(text, ints);
        Assert.StartsWith(" &FCI NORB=4,NELEC=4,MS2=0,", text.ToString(), StringComparison.Ordinal);
        var back = FcidumpReader.Read(new StringReader(text.ToString()));
        Assert.Equal(4, back.OrbitalCount);
        Assert.Equal(4, back.ElectronCount);
        Assert.Equal(ints.CoreEnergy, back.CoreEnergy, 1e-14);
        for (var i = 0; i < ints.OneElectron.Length; i++) Assert.Equal(ints.OneElectron[i], back.OneElectron[i], 1e-14);
        for (var i = 0; i < ints.TwoElectron.Length; i++) Assert.Equal(ints.TwoElectron[i], back.TwoElectron[i], 1e-14);
        Assert.Equal(CasciSolver.Solve(ints).Energy, CasciSolver.Solve(back).Energy, 1e-10);
    }

    [Theory]
    [InlineData(" &FCI NORB=2,NELEC=2,\n &END\n 1.0 1 1 1\n", "expected 'value i j k l'")]
    [InlineData(" &FCI NORB=2,NELEC=2,\n &END\n 1.0 1 1 3 1\n", "bad index '3'")]
    [InlineData(" &FCI NELEC=2,\n &END\n", "NORB missing")]
    [InlineData(" &FCI NORB=2,NELEC=2,\n", "no &END")]
    [InlineData(" &FCI NORB=2,NELEC=2,\n &END\n x 1 1 1 1\n", "bad value 'x'")]
    public void Malformed_fcidump_is_reported(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => FcidumpReader.Read(new StringReader(text)));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Molden_file_reads_back_geometry_basis_and_orbitals()
    {
        var mol = ReferenceData.Molecule("formaldehyde", 0);
        var scf = RhfSolver.Run(mol, "6-31g*");
        var w = new StringWriter();
        MoldenWriter.Write(w, scf, "formaldehyde");
        var lines = w.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("[Molden Format]", lines[0]);
        // atoms
        var atomStart = Array.IndexOf(lines, "[Atoms] AU") + 1;
        for (var a = 0; a < mol.AtomCount; a++)
        {
            var p = lines[atomStart + a].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(mol.AtomicNumbers[a], int.Parse(p[2], CultureInfo.InvariantCulture));
            for (var k = 0; k < 3; k++) Assert.Equal(mol.Coordinates[3 * a + k], double.Parse(p[3 + k], CultureInfo.InvariantCulture), 1e-10);
        }
        // basis: rebuild shells from the [GTO] block and compare the overlap matrix in Molden order
        var gto = Array.IndexOf(lines, "[GTO]") + 1;
        var mo = Array.IndexOf(lines, "[MO]");
        var shells = new List<(int Atom, int L, double[] E, double[] C)>();
        var atom = 0;
        for (var i = gto; i < mo; i++)
        {
            var p = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (p.Length == 0) continue;
            if (p.Length == 2 && p[1] == "0") { atom = int.Parse(p[0], CultureInfo.InvariantCulture) - 1; continue; }
            var l = "spdf".IndexOf(p[0], StringComparison.Ordinal);
            var n = int.Parse(p[1], CultureInfo.InvariantCulture);
            var e = new double[n];
            var c = new double[n];
            for (var k = 0; k < n; k++)
            {
                var q = lines[i + 1 + k].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                e[k] = double.Parse(q[0], CultureInfo.InvariantCulture);
                c[k] = double.Parse(q[1], CultureInfo.InvariantCulture);
            }
            shells.Add((atom, l, e, c));
            i += n;
        }
        Assert.Equal(scf.Basis.Shells.Count, shells.Count);
        for (var s = 0; s < shells.Count; s++)
        {
            var ours = scf.Basis.Shells[s];
            Assert.Equal(ours.Atom, shells[s].Atom);
            Assert.Equal(ours.L, shells[s].L);
            Assert.Equal(Shell.Normalise(ours.L, shells[s].E, shells[s].C), ours.Coefficients, new Tolerance(1e-10));
        }
        // MOs: coefficients in Molden order map back to ours; orbital energies and occupations
        var nbf = scf.BasisFunctionCount;
        var map = new List<int>();
        foreach (var shell in scf.Basis.Shells)
            foreach (var (x, y, z) in MoldenWriter.ComponentOrder[shell.L]) map.Add(shell.FirstFunction + CartesianOrder.IndexOf(x, y, z));
        Assert.Equal(Enumerable.Range(0, nbf), map.Order());
        var line = mo + 1;
        for (var k = 0; k < nbf; k++)
        {
            Assert.Equal(" Sym= A", lines[line]);
            Assert.Equal(scf.OrbitalEnergies[k], double.Parse(lines[line + 1].Split('=')[1], CultureInfo.InvariantCulture), 1e-9);
            Assert.Equal(k < scf.OccupiedCount ? 2.0 : 0.0, double.Parse(lines[line + 3].Split('=')[1], CultureInfo.InvariantCulture));
            for (var i = 0; i < nbf; i++)
            {
                var p = lines[line + 4 + i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(i + 1, int.Parse(p[0], CultureInfo.InvariantCulture));
                Assert.Equal(scf.Coefficients[map[i], k], double.Parse(p[1], CultureInfo.InvariantCulture), 1e-12);
            }
            line += 4 + nbf;
        }
    }

    private sealed class Tolerance(double eps) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= eps * Math.Max(1, Math.Abs(x));
        public int GetHashCode(double obj) => 0;
    }
}
