namespace MolForge.Application.Pipeline;

/// <summary>Descriptors of a molecule as RDKit defines them (see shared/CLI.md describe columns).</summary>
public sealed record MoleculeDescriptors(
    double MolWeight, double ExactMass, string Formula, int HeavyAtoms, double CLogP, double Tpsa,
    int Hbd, int Hba, int RotatableBonds, int Rings, int AromaticRings, double FractionCsp3, double Qed);

/// <summary>Quantum-chemistry results of one molecule.</summary>
public sealed record QuantumResult(
    int BasisFunctions,
    int Electrons,
    double ENuc,
    double EHf,
    double Homo,
    double Lumo,
    bool ScfConverged,
    int ScfIterations,
    IReadOnlyList<double> OrbitalEnergies,
    double? ECasci = null,
    double? EVqe = null,
    double? EVqeStdErr = null,
    double? EVqeUnmitigated = null,
    int? VqeIterations = null,
    IReadOnlyList<double>? VqeParameters = null,
    IReadOnlyList<double>? VqeConvergence = null,
    int? Qubits = null,
    int? PauliTerms = null,
    int? MeasurementGroups = null)
{
    public double HomoLumoGap => Lumo - Homo;
}

/// <summary>The outcome of scoring one molecule: success with values, or the stage that failed and why.</summary>
public sealed record CandidateScoreResult(
    string InputSmiles,
    string? CanonicalSmiles,
    PipelineStage FailedStage,
    string? Error,
    MoleculeDescriptors? Descriptors,
    string? ConformerMolBlock,
    QuantumResult? Quantum,
    IReadOnlyDictionary<string, double> StageSeconds)
{
    public bool Succeeded => Error is null;

    public static CandidateScoreResult Failure(string smiles, PipelineStage stage, string error, IReadOnlyDictionary<string, double>? seconds = null) =>
        new(smiles, null, stage, error, null, null, null, seconds ?? new Dictionary<string, double>());
}
