using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Scf;

namespace MolForge.Application.QuantumChemistry;

/// <summary>What a quantum-chemistry job produced (energies in hartree).</summary>
public sealed record QuantumChemistryResult
{
    /// <summary>The RHF result (orbitals, density, …).</summary>
    public required ScfResult Scf { get; init; }
    /// <summary>Active-space integrals when an active space was built.</summary>
    public ActiveSpaceIntegrals? ActiveSpace { get; init; }
    /// <summary>The MP2 result when MP2 was run (method mp2, or MP2 natural orbitals for the active space).</summary>
    public MolForge.QChem.Correlation.Mp2Result? Mp2 { get; init; }
    /// <summary>Wall time of the MP2 step in seconds (0 when no MP2 was run).</summary>
    public double Mp2Seconds { get; init; }
    /// <summary>CASCI energy when computed.</summary>
    public double? CasciEnergy { get; init; }
    /// <summary>Whether CASCI converged.</summary>
    public bool? CasciConverged { get; init; }
    /// <summary>VQE outcome when the method was VQE.</summary>
    public MolForge.Application.Scoring.VqeOutcome? Vqe { get; init; }
    /// <summary>Wall time of the whole job in seconds.</summary>
    public required double Seconds { get; init; }
    /// <summary>Title from the input file.</summary>
    public string Title { get; init; } = "";
}
