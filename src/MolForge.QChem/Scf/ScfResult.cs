using MolForge.QChem.Basis;
using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Scf;

/// <summary>Outcome of a restricted Hartree–Fock calculation. When <see cref="Converged"/> is false the energies
/// are those of the last iteration.</summary>
public sealed class ScfResult
{
    /// <summary>The molecule.</summary>
    public required Molecule3D Molecule { get; init; }
    /// <summary>The basis.</summary>
    public required BasisSet Basis { get; init; }
    /// <summary>Total energy (hartree).</summary>
    public required double Energy { get; init; }
    /// <summary>Nuclear repulsion (hartree).</summary>
    public required double NuclearRepulsion { get; init; }
    /// <summary>Whether both tolerances were met.</summary>
    public required bool Converged { get; init; }
    /// <summary>Iterations done.</summary>
    public required int Iterations { get; init; }
    /// <summary>Orbital energies, ascending.</summary>
    public required double[] OrbitalEnergies { get; init; }
    /// <summary>MO coefficients (AO × MO).</summary>
    public required Matrix Coefficients { get; init; }
    /// <summary>Total density matrix 2·C_occ·C_occᵀ.</summary>
    public required Matrix Density { get; init; }
    /// <summary>Core Hamiltonian T + V.</summary>
    public required Matrix CoreHamiltonian { get; init; }
    /// <summary>Overlap matrix.</summary>
    public required Matrix Overlap { get; init; }
    /// <summary>Doubly occupied orbitals.</summary>
    public required int OccupiedCount { get; init; }
    /// <summary>Mulliken charges per atom.</summary>
    public required double[] MullikenCharges { get; init; }
    /// <summary>Dipole moment (x, y, z) in atomic units (e·bohr).</summary>
    public required double[] Dipole { get; init; }

    /// <summary>The two-electron integral engine of the run (reused for the active-space transformation).</summary>
    internal Integrals.FockBuilder? FockBuilder { get; init; }

    /// <summary>Debye per atomic unit of dipole.</summary>
    public const double DebyePerAu = 2.541746473;

    /// <summary>Number of basis functions.</summary>
    public int BasisFunctionCount => Basis.FunctionCount;
    /// <summary>HOMO energy.</summary>
    public double Homo => OrbitalEnergies[OccupiedCount - 1];
    /// <summary>LUMO energy (NaN when every orbital is occupied).</summary>
    public double Lumo => OccupiedCount < OrbitalEnergies.Length ? OrbitalEnergies[OccupiedCount] : double.NaN;
    /// <summary>|μ| in debye.</summary>
    public double DipoleDebye => Math.Sqrt(Dipole[0] * Dipole[0] + Dipole[1] * Dipole[1] + Dipole[2] * Dipole[2]) * DebyePerAu;
}
