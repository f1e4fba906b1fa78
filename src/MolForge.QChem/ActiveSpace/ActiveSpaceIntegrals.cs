namespace MolForge.QChem.ActiveSpace;

/// <summary>Integrals of an active space in the MO basis, the hand-over format to the Hamiltonian builders:
/// <see cref="CoreEnergy"/> (nuclear repulsion plus frozen-core energy), <see cref="OneElectron"/>[p*n+q]
/// (effective, including the frozen core's Coulomb and exchange), <see cref="TwoElectron"/>[((p*n+q)*n+r)*n+s] =
/// (pq|rs) in chemists' notation (full array, all permutational copies present).</summary>
public sealed class ActiveSpaceIntegrals
{
    /// <summary>Creates the container; arrays are used as given.</summary>
    public ActiveSpaceIntegrals(double coreEnergy, double[] oneElectron, double[] twoElectron, int orbitalCount, int electronCount)
    {
        ArgumentNullException.ThrowIfNull(oneElectron);
        ArgumentNullException.ThrowIfNull(twoElectron);
        var n = orbitalCount;
        if (oneElectron.Length != n * n || twoElectron.Length != n * n * n * n)
            throw new ArgumentException("integral arrays do not match the orbital count");
        CoreEnergy = coreEnergy; OneElectron = oneElectron; TwoElectron = twoElectron;
        OrbitalCount = orbitalCount; ElectronCount = electronCount;
    }

    /// <summary>Nuclear repulsion + frozen-core energy (hartree).</summary>
    public double CoreEnergy { get; }
    /// <summary>h[p*n+q].</summary>
    public double[] OneElectron { get; }
    /// <summary>(pq|rs) at [((p*n+q)*n+r)*n+s].</summary>
    public double[] TwoElectron { get; }
    /// <summary>Active spatial orbitals n.</summary>
    public int OrbitalCount { get; }
    /// <summary>Active electrons.</summary>
    public int ElectronCount { get; }
    /// <summary>Index (0-based) of the first active orbital in the orbital set the space was built from: RHF
    /// orbitals in energy order, or MP2 natural orbitals in descending occupation (<see cref="Orbitals"/>).</summary>
    public int FirstActiveOrbital { get; init; }
    /// <summary>The orbital set the active orbitals come from.</summary>
    public ActiveOrbitals Orbitals { get; init; }
    /// <summary>Orbital energies of the active orbitals (RHF ε, or the Fock diagonal of the natural orbitals); null
    /// when the integrals did not come from <see cref="ActiveSpaceBuilder"/>.</summary>
    public double[]? OrbitalEnergies { get; init; }

    /// <summary>h_pq.</summary>
    public double H(int p, int q) => OneElectron[p * OrbitalCount + q];
    /// <summary>(pq|rs).</summary>
    public double Eri(int p, int q, int r, int s) => TwoElectron[((p * OrbitalCount + q) * OrbitalCount + r) * OrbitalCount + s];

    /// <summary>Energy of the closed-shell determinant that fills the lowest ElectronCount/2 active orbitals.</summary>
    public double ClosedShellEnergy()
    {
        var e = CoreEnergy;
        var k = ElectronCount / 2;
        for (var i = 0; i < k; i++)
        {
            e += 2 * H(i, i);
            for (var j = 0; j < k; j++) e += 2 * Eri(i, i, j, j) - Eri(i, j, j, i);
        }
        return e;
    }
}
