namespace MolForge.Application.QuantumChemistry;

/// <summary>Electronic-structure methods the service runs.</summary>
public enum QChemMethod
{
    /// <summary>Restricted Hartree–Fock only.</summary>
    Rhf,
    /// <summary>RHF, then CASCI in the active space.</summary>
    Casci,
    /// <summary>VQE (needs the quantum engine).</summary>
    Vqe,
    /// <summary>RHF, then conventional closed-shell MP2.</summary>
    Mp2,
}

/// <summary>A quantum-chemistry job: the input (path to .xyz/.sdf, "-" with <see cref="InputText"/>, or SMILES),
/// charge, basis, method and active space.</summary>
public sealed record QuantumChemistryRequest
{
    /// <summary>Path of an .xyz or .sdf file, or a SMILES string.</summary>
    public required string Input { get; init; }
    /// <summary>Text of the input when it does not come from a file (e.g. standard input).</summary>
    public string? InputText { get; init; }
    /// <summary>Format of <see cref="InputText"/>: "xyz" or "sdf".</summary>
    public string? InputFormat { get; init; }
    /// <summary>Total charge; null takes the charge from the SDF (0 for XYZ).</summary>
    public int? Charge { get; init; }
    /// <summary>sto-3g, 6-31g or 6-31g*.</summary>
    public string Basis { get; init; } = "sto-3g";
    /// <summary>Method.</summary>
    public QChemMethod Method { get; init; } = QChemMethod.Rhf;
    /// <summary>Active space (electrons, orbitals); default (2,2) for CASCI.</summary>
    public (int Electrons, int Orbitals)? Active { get; init; }
    /// <summary>Orbitals the active space is built from: canonical RHF orbitals around the HOMO/LUMO (default) or MP2
    /// natural orbitals.</summary>
    public MolForge.QChem.ActiveSpace.ActiveOrbitals Orbitals { get; init; }
    /// <summary>Doubly occupied orbitals left uncorrelated in the MP2 (for <see cref="QChemMethod.Mp2"/> and for MP2
    /// natural orbitals).</summary>
    public int FrozenCore { get; init; }
    /// <summary>VQE settings (backend, mapping, ansatz, shots) when the method is VQE.</summary>
    public MolForge.Application.Design.ScoringSettings? Vqe { get; init; }
    /// <summary>SCF settings.</summary>
    public MolForge.QChem.Scf.ScfOptions Scf { get; init; } = new();
}
