using MolForge.QChem.Basis;

namespace MolForge.QChem;

/// <summary>What the QChem core needs of a molecule: atomic numbers, coordinates (bohr) and total charge.</summary>
public sealed class Molecule3D
{
    /// <summary>Bohr radius in ångström, CODATA 2014 (the value Psi4 1.3 uses).</summary>
    public const double BohrInAngstrom = 0.52917721067;

    /// <summary>Creates the molecule; coordinates in bohr (x0 y0 z0 x1 ...).</summary>
    /// <exception cref="QChemInputException">Bad atomic number, length mismatch or atoms closer than 0.1 Å.</exception>
    public Molecule3D(IReadOnlyList<int> atomicNumbers, IReadOnlyList<double> coordinatesBohr, int charge)
    {
        ArgumentNullException.ThrowIfNull(atomicNumbers);
        ArgumentNullException.ThrowIfNull(coordinatesBohr);
        if (atomicNumbers.Count == 0) throw new QChemInputException("molecule has no atoms");
        if (coordinatesBohr.Count != 3 * atomicNumbers.Count)
            throw new QChemInputException($"{atomicNumbers.Count} atoms but {coordinatesBohr.Count} coordinates");
        for (var i = 0; i < atomicNumbers.Count; i++)
            if (atomicNumbers[i] < 1 || atomicNumbers[i] > ElementTable.MaxAtomicNumber)
                throw new QChemInputException($"atom {i + 1}: invalid atomic number {atomicNumbers[i]}");
        AtomicNumbers = [.. atomicNumbers];
        Coordinates = [.. coordinatesBohr];
        Charge = charge;
        for (var i = 0; i < AtomCount; i++)
            for (var j = 0; j < i; j++)
            {
                var d = Distance(i, j) * BohrInAngstrom;
                if (d < 0.1)
                    throw new QChemInputException(
                        $"atoms {j + 1} ({ElementTable.Symbol(AtomicNumbers[j])}) and {i + 1} ({ElementTable.Symbol(AtomicNumbers[i])}) are {d.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} Å apart (closer than 0.1 Å)");
            }
        var electrons = AtomicNumbers.Sum() - charge;
        if (electrons < 0) throw new QChemInputException($"charge {charge} removes more electrons than the molecule has ({AtomicNumbers.Sum()})");
        ElectronCount = electrons;
    }

    /// <summary>From coordinates in ångström.</summary>
    public static Molecule3D FromAngstrom(IReadOnlyList<int> atomicNumbers, IReadOnlyList<double> coordinatesAngstrom, int charge)
    {
        ArgumentNullException.ThrowIfNull(coordinatesAngstrom);
        return new Molecule3D(atomicNumbers, coordinatesAngstrom.Select(c => c / BohrInAngstrom).ToArray(), charge);
    }

    /// <summary>Atomic numbers.</summary>
    public int[] AtomicNumbers { get; }
    /// <summary>Coordinates in bohr.</summary>
    public double[] Coordinates { get; }
    /// <summary>Total charge.</summary>
    public int Charge { get; }
    /// <summary>Number of electrons (sum of Z minus charge).</summary>
    public int ElectronCount { get; }
    /// <summary>Number of atoms.</summary>
    public int AtomCount => AtomicNumbers.Length;

    /// <summary>Distance between atoms i and j in bohr.</summary>
    public double Distance(int i, int j)
    {
        var dx = Coordinates[3 * i] - Coordinates[3 * j];
        var dy = Coordinates[3 * i + 1] - Coordinates[3 * j + 1];
        var dz = Coordinates[3 * i + 2] - Coordinates[3 * j + 2];
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }

    /// <summary>Nuclear repulsion energy (hartree).</summary>
    public double NuclearRepulsion()
    {
        double e = 0;
        for (var i = 0; i < AtomCount; i++)
            for (var j = 0; j < i; j++) e += AtomicNumbers[i] * AtomicNumbers[j] / Distance(i, j);
        return e;
    }

    /// <summary>Throws the standard message for an open-shell (odd) electron count.</summary>
    /// <exception cref="QChemInputException">Odd number of electrons.</exception>
    public void RequireClosedShell()
    {
        if (ElectronCount % 2 != 0)
            throw new QChemInputException(
                $"molecule has {ElectronCount} electrons (charge {Charge}): open-shell systems are not supported; use --charge");
    }
}
