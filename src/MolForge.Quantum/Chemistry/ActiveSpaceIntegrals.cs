namespace MolForge.Quantum.Chemistry;

/// <summary>
/// Real active-space integrals over n spatial orbitals (the plain data QChem hands to Quantum, as OpenFermion's
/// MolecularData only holds integrals): a constant core energy (nuclear repulsion + frozen core), one-electron
/// h[p*n+q] and two-electron (pq|rs) in chemists' notation at [((p*n+q)*n+r)*n+s], for a closed-shell singlet with
/// <see cref="ElectronCount"/> electrons. Optional orbital energies (for MP2 starting amplitudes).
/// </summary>
public sealed class ActiveSpaceIntegrals
{
    /// <summary>Creates and checks the integrals (sizes, finiteness, symmetry h_pq = h_qp and (pq|rs) = (qp|rs) = (rs|pq)).</summary>
    public ActiveSpaceIntegrals(int orbitalCount, int electronCount, double coreEnergy, double[] oneBody, double[] twoBody,
        double[]? orbitalEnergies = null, double symmetryTolerance = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(oneBody);
        ArgumentNullException.ThrowIfNull(twoBody);
        if (orbitalCount < 1 || orbitalCount > 32)
            throw new ArgumentOutOfRangeException(nameof(orbitalCount), orbitalCount, "The active space must have 1..32 spatial orbitals.");
        int n = orbitalCount;
        if (oneBody.Length != n * n)
            throw new ArgumentException($"one-electron integrals: expected n² = {n * n} values for n = {n}, got {oneBody.Length}.", nameof(oneBody));
        if (twoBody.Length != n * n * n * n)
            throw new ArgumentException($"two-electron integrals: expected n⁴ = {n * n * n * n} values for n = {n}, got {twoBody.Length}.", nameof(twoBody));
        if (electronCount < 0 || electronCount > 2 * n)
            throw new ArgumentOutOfRangeException(nameof(electronCount), electronCount, $"{electronCount} electrons do not fit {n} spatial orbitals.");
        if (!double.IsFinite(coreEnergy)) throw new ArgumentException("core energy is not finite.", nameof(coreEnergy));
        for (int i = 0; i < oneBody.Length; i++)
            if (!double.IsFinite(oneBody[i])) throw new ArgumentException($"one-electron integral h[{i / n},{i % n}] is not finite.", nameof(oneBody));
        for (int i = 0; i < twoBody.Length; i++)
            if (!double.IsFinite(twoBody[i])) throw new ArgumentException($"two-electron integral at flat index {i} is not finite.", nameof(twoBody));
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++)
                if (Math.Abs(oneBody[p * n + q] - oneBody[q * n + p]) > symmetryTolerance)
                    throw new ArgumentException($"one-electron integrals are not symmetric: h[{p},{q}] ≠ h[{q},{p}].", nameof(oneBody));
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++)
                for (int r = 0; r < n; r++)
                    for (int s = 0; s < n; s++)
                    {
                        double v = twoBody[((p * n + q) * n + r) * n + s];
                        if (Math.Abs(v - twoBody[((q * n + p) * n + r) * n + s]) > symmetryTolerance ||
                            Math.Abs(v - twoBody[((r * n + s) * n + p) * n + q]) > symmetryTolerance)
                            throw new ArgumentException($"two-electron integrals lack the real 8-fold symmetry at ({p}{q}|{r}{s}).", nameof(twoBody));
                    }
        if (orbitalEnergies != null && orbitalEnergies.Length != n)
            throw new ArgumentException($"orbital energies: expected {n} values, got {orbitalEnergies.Length}.", nameof(orbitalEnergies));
        OrbitalCount = n;
        ElectronCount = electronCount;
        CoreEnergy = coreEnergy;
        OneBody = oneBody;
        TwoBody = twoBody;
        OrbitalEnergies = orbitalEnergies;
    }

    /// <summary>Spatial orbitals n.</summary>
    public int OrbitalCount { get; }

    /// <summary>Active electrons.</summary>
    public int ElectronCount { get; }

    /// <summary>Nuclear repulsion + frozen-core energy.</summary>
    public double CoreEnergy { get; }

    /// <summary>h[p*n+q].</summary>
    public double[] OneBody { get; }

    /// <summary>(pq|rs) at [((p*n+q)*n+r)*n+s].</summary>
    public double[] TwoBody { get; }

    /// <summary>Orbital energies when known.</summary>
    public double[]? OrbitalEnergies { get; }

    /// <summary>h_pq.</summary>
    public double H(int p, int q) => OneBody[p * OrbitalCount + q];

    /// <summary>(pq|rs).</summary>
    public double G(int p, int q, int r, int s) => TwoBody[((p * OrbitalCount + q) * OrbitalCount + r) * OrbitalCount + s];

    /// <summary>Closed-shell Fock diagonal f_pp = h_pp + Σ_i∈occ [2(pp|ii) − (pi|ip)]: the orbital energies when the
    /// orbitals are canonical RHF orbitals (frozen-core terms are already in h).</summary>
    public double[] FockDiagonal()
    {
        int n = OrbitalCount, nocc = ElectronCount / 2;
        var f = new double[n];
        for (int p = 0; p < n; p++)
        {
            double v = H(p, p);
            for (int i = 0; i < nocc; i++) v += 2 * G(p, p, i, i) - G(p, i, i, p);
            f[p] = v;
        }
        return f;
    }

    /// <summary>The closed-shell Hartree–Fock energy of the lowest N/2 orbitals.</summary>
    public double HartreeFockEnergy()
    {
        int nocc = ElectronCount / 2;
        double e = CoreEnergy;
        for (int i = 0; i < nocc; i++)
        {
            e += 2 * H(i, i);
            for (int j = 0; j < nocc; j++) e += 2 * G(i, i, j, j) - G(i, j, j, i);
        }
        return e;
    }
}
