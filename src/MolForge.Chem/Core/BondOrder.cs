namespace MolForge.Chem.Core;

/// <summary>Bond order as stored on a bond. Aromatic bonds keep <see cref="Aromatic"/> after sanitisation,
/// as RDKit does; kekulisation turns them into <see cref="Single"/>/<see cref="Double"/>.</summary>
public enum BondOrder : byte
{
    Zero = 0,
    Single = 1,
    Double = 2,
    Triple = 3,
    Quadruple = 4,
    Aromatic = 5,
}

/// <summary>Helpers on <see cref="BondOrder"/>.</summary>
public static class BondOrderExtensions
{
    /// <summary>Valence contribution of a bond of this order, in units of 1/2 (aromatic = 3, i.e. 1.5).</summary>
    public static int ValenceContributionHalves(this BondOrder order) => order switch
    {
        BondOrder.Zero => 0,
        BondOrder.Single => 2,
        BondOrder.Double => 4,
        BondOrder.Triple => 6,
        BondOrder.Quadruple => 8,
        BondOrder.Aromatic => 3,
        _ => 0,
    };
}
