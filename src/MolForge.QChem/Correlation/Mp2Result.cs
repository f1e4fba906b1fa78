using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Correlation;

/// <summary>Outcome of a closed-shell MP2 calculation (energies in hartree). The density and natural orbitals are
/// present when <see cref="Mp2Options.ComputeDensity"/> was set.</summary>
public sealed class Mp2Result
{
    /// <summary>The RHF energy the MP2 is built on.</summary>
    public required double ReferenceEnergy { get; init; }
    /// <summary>E(2) = Σ_ijab (ia|jb)[2(ia|jb) − (ib|ja)] / (ε_i + ε_j − ε_a − ε_b).</summary>
    public required double CorrelationEnergy { get; init; }
    /// <summary>Opposite-spin part Σ_ijab (ia|jb)² / D_ijab.</summary>
    public required double OppositeSpinEnergy { get; init; }
    /// <summary>Same-spin part Σ_ijab (ia|jb)[(ia|jb) − (ib|ja)] / D_ijab.</summary>
    public required double SameSpinEnergy { get; init; }
    /// <summary>Frozen (uncorrelated) doubly occupied orbitals.</summary>
    public required int FrozenCore { get; init; }
    /// <summary>Correlated occupied orbitals o.</summary>
    public required int ActiveOccupied { get; init; }
    /// <summary>Virtual orbitals v.</summary>
    public required int Virtuals { get; init; }
    /// <summary>Passes over the AO integrals (occupied batches) the transformation needed.</summary>
    public required int IntegralPasses { get; init; }
    /// <summary>Whether the unique AO integrals were kept in memory (computed once) for the transformation.</summary>
    public bool IntegralsStored { get; init; }

    /// <summary>Spin-summed unrelaxed MP2 one-particle density in the RHF MO basis (nmo × nmo): 2 on the frozen
    /// orbitals, 2δ_ij + P_ij on the correlated occupied block, P_ab on the virtual block, no occupied–virtual
    /// coupling. Its trace is the electron count.</summary>
    public Matrix? MoDensity { get; init; }
    /// <summary>Natural occupation numbers, descending.</summary>
    public double[]? NaturalOccupations { get; init; }
    /// <summary>Natural orbitals as AO coefficients (nbf × nmo), columns in the order of
    /// <see cref="NaturalOccupations"/>.</summary>
    public Matrix? NaturalOrbitals { get; init; }
    /// <summary>Diagonal of the Fock matrix in the natural orbitals, Σ_k U_kp² ε_k (U: natural orbitals in the MO
    /// basis); the natural orbitals' stand-in for orbital energies.</summary>
    public double[]? NaturalOrbitalFockDiagonal { get; init; }

    /// <summary>E(RHF) + E(2).</summary>
    public double TotalEnergy => ReferenceEnergy + CorrelationEnergy;
}
