namespace MolForge.QChem.Correlation;

/// <summary>Options of the conventional closed-shell MP2 (<see cref="Mp2Solver"/>).</summary>
public sealed record Mp2Options
{
    /// <summary>Lowest doubly occupied orbitals left out of the correlation treatment (frozen core), by count.</summary>
    public int FrozenCore { get; init; }

    /// <summary>Memory the MP2 may use (bytes): the (ia|jb) integrals (o²v² doubles) plus the half-transformed
    /// integrals of a batch of occupied orbitals and per-thread scratch. When the integrals alone do not fit the
    /// run is refused; when the half-transformed ones do not, the occupied orbitals are processed in batches (the AO
    /// integrals computed once per batch).</summary>
    public long MaxMemoryBytes { get; init; } = 2L << 30;

    /// <summary>Keep the unique AO integrals (ab|cd), ab ≥ cd, in memory for the transformation when they fit what
    /// <see cref="MaxMemoryBytes"/> leaves (each is then computed once instead of twice per pass).</summary>
    public bool StoreIntegrals { get; init; } = true;

    /// <summary>Also build the unrelaxed one-particle density and its natural orbitals (costs O(o²v³) more).</summary>
    public bool ComputeDensity { get; init; } = true;

    /// <summary>Quartets whose Schwarz bound Q_ab·Q_cd is below this are skipped.</summary>
    public double IntegralThreshold { get; init; } = 1e-12;
}
