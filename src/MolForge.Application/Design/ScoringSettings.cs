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
/// <param name="Orbitals">Orbitals of the active space: canonical (RHF, around the HOMO/LUMO) or mp2 (MP2 natural
/// orbitals).</param>
public sealed record ScoringSettings(
    string Basis = "sto-3g",
    int ActiveElectrons = 2,
    int ActiveOrbitals = 2,
    string Method = "vqe",
    string Backend = "statevector",
    string Mapping = "jordan-wigner",
    string Ansatz = "uccsd",
    int Shots = 10000,
    string Orbitals = "canonical")
{
    public static readonly IReadOnlyList<string> Bases = ["sto-3g", "6-31g", "6-31g*"];
    public static readonly IReadOnlyList<string> Methods = ["rhf", "casci", "vqe"];
    public static readonly IReadOnlyList<string> Backends = ["statevector", "shots", "noisy", "hardware"];
    public static readonly IReadOnlyList<string> Mappings = ["jordan-wigner", "parity", "bravyi-kitaev"];
    public static readonly IReadOnlyList<string> Ansatzes = ["uccsd", "adapt", "hea"];
    public static readonly IReadOnlyList<string> OrbitalChoices = ["canonical", "mp2"];

    /// <summary>The QChem orbital set named by <paramref name="orbitals"/> ("mp2" → MP2 natural orbitals, otherwise
    /// canonical).</summary>
    public static MolForge.QChem.ActiveSpace.ActiveOrbitals OrbitalSet(string orbitals) =>
        orbitals == "mp2" ? MolForge.QChem.ActiveSpace.ActiveOrbitals.Mp2Natural : MolForge.QChem.ActiveSpace.ActiveOrbitals.Canonical;

    /// <summary>The prompt/CLI name of a QChem orbital set (the inverse of <see cref="OrbitalSet"/>).</summary>
    public static string OrbitalsName(MolForge.QChem.ActiveSpace.ActiveOrbitals orbitals) =>
        orbitals == MolForge.QChem.ActiveSpace.ActiveOrbitals.Mp2Natural ? "mp2" : "canonical";

    /// <summary>A stable text key for caching results by settings (unchanged for canonical orbitals).</summary>
    public string CacheKey => $"{Basis}|{ActiveElectrons},{ActiveOrbitals}|{Method}|{Backend}|{Mapping}|{Ansatz}|{(Backend == "statevector" ? 0 : Shots)}"
        + (Orbitals == "canonical" ? "" : "|" + Orbitals);

    /// <summary>The active space as recorded with results: "NE,NO", followed by " mp2" for MP2 natural orbitals.</summary>
    public static string DescribeActiveSpace(int electrons, int orbitals, string orbitalChoice) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{electrons},{orbitals}") + (orbitalChoice == "mp2" ? " mp2" : "");
}
