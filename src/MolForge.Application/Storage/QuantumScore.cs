namespace MolForge.Application.Storage;

/// <summary>The quantum-chemistry results of one candidate with their provenance (basis, active space, mapping,
/// ansatz, backend, shots, timings).</summary>
public sealed class QuantumScore
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CandidateId { get; set; }

    public string Basis { get; set; } = "";
    public int ActiveElectrons { get; set; }
    public int ActiveOrbitals { get; set; }
    public string Method { get; set; } = "";
    public string Backend { get; set; } = "";
    public string Mapping { get; set; } = "";
    public string Ansatz { get; set; } = "";
    public int Shots { get; set; }

    public int BasisFunctions { get; set; }
    public double ENuc { get; set; }
    public double EHf { get; set; }
    public double Homo { get; set; }
    public double Lumo { get; set; }
    public double HomoLumoGap { get; set; }
    public bool ScfConverged { get; set; }
    public int ScfIterations { get; set; }
    public double? ECasci { get; set; }
    public double? EVqe { get; set; }
    public double? EVqeStdErr { get; set; }
    public int? VqeIterations { get; set; }
    public int? Qubits { get; set; }
    public int? PauliTerms { get; set; }

    /// <summary>Orbital energies (JSON array, hartree).</summary>
    public string OrbitalEnergiesJson { get; set; } = "[]";

    /// <summary>VQE energy per optimiser iteration (JSON array).</summary>
    public string VqeConvergenceJson { get; set; } = "[]";

    /// <summary>Optimised VQE parameters (JSON array).</summary>
    public string VqeParametersJson { get; set; } = "[]";

    /// <summary>Seconds per stage (JSON object: conformer, rhf, active_space, hamiltonian, vqe).</summary>
    public string TimingsJson { get; set; } = "{}";
}
