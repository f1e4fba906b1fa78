namespace MolForge.Application.Design;

/// <summary>How candidates are scored: basis, active space, method and quantum backend.</summary>
/// <param name="Basis">Basis set name: sto-3g, 6-31g or 6-31g*.</param>
/// <param name="ActiveElectrons">Active-space electrons (NE).</param>
/// <param name="ActiveOrbitals">Active-space spatial orbitals (NO).</param>
/// <param name="Method">rhf, casci or vqe.</param>
/// <param name="Backend">statevector, shots, noisy or hardware.</param>
/// <param name="Mapping">jordan-wigner, parity or bravyi-kitaev.</param>
/// <param name="Ansatz">uccsd, adapt or hea.</param>
/// <param name="Shots">Shots for sampling backends.</param>
public sealed record ScoringSettings(
    string Basis = "sto-3g",
    int ActiveElectrons = 2,
    int ActiveOrbitals = 2,
    string Method = "vqe",
    string Backend = "statevector",
    string Mapping = "jordan-wigner",
    string Ansatz = "uccsd",
    int Shots = 10000)
{
    public static readonly IReadOnlyList<string> Bases = ["sto-3g", "6-31g", "6-31g*"];
    public static readonly IReadOnlyList<string> Methods = ["rhf", "casci", "vqe"];
    public static readonly IReadOnlyList<string> Backends = ["statevector", "shots", "noisy", "hardware"];
    public static readonly IReadOnlyList<string> Mappings = ["jordan-wigner", "parity", "bravyi-kitaev"];
    public static readonly IReadOnlyList<string> Ansatzes = ["uccsd", "adapt", "hea"];

    /// <summary>A stable text key for caching results by settings.</summary>
    public string CacheKey => $"{Basis}|{ActiveElectrons},{ActiveOrbitals}|{Method}|{Backend}|{Mapping}|{Ansatz}|{(Backend == "statevector" ? 0 : Shots)}";
}
