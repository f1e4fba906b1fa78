namespace MolForge.Chem.ForceFields.Mmff;

/// <summary>Bond stretch term (MMFF.I eq. 2): quartic in the stretch.</summary>
internal readonly record struct MmffBondTerm(int I, int J, double Kb, double R0);

/// <summary>Angle bend term (MMFF.I eq. 3; linear form for linh centres).</summary>
internal readonly record struct MmffAngleTerm(int I, int J, int K, double Ka, double Theta0, bool Linear);

/// <summary>Stretch-bend term (MMFF.I eq. 5).</summary>
internal readonly record struct MmffStretchBendTerm(int I, int J, int K, double Kijk, double Kkji, double R0Ij, double R0Kj, double Theta0);

/// <summary>Out-of-plane term (MMFF.I eq. 6): L is the out-of-plane atom, J the centre.</summary>
internal readonly record struct MmffOopTerm(int I, int J, int K, int L, double Koop);

/// <summary>Torsion term (MMFF.I eq. 7).</summary>
internal readonly record struct MmffTorsionTerm(int I, int J, int K, int L, double V1, double V2, double V3);

/// <summary>Non-bonded pair: buffered 14-7 van der Waals (MMFF.I eq. 9) and buffered Coulomb (eq. 13,
/// dielectric 1, 1-4 pairs scaled by 0.75).</summary>
internal readonly record struct MmffPairTerm(int I, int J, double RStar, double Epsilon, double ChargeTerm);

/// <summary>MMFF energy split by term, in kcal/mol.</summary>
public readonly record struct MmffEnergyTerms(double Bond, double Angle, double StretchBend, double OutOfPlane, double Torsion, double VanDerWaals, double Electrostatic)
{
    /// <summary>The total energy.</summary>
    public double Total => Bond + Angle + StretchBend + OutOfPlane + Torsion + VanDerWaals + Electrostatic;
}
