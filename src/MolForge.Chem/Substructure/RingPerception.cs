using MolForge.Chem.Core;

namespace MolForge.Chem.Substructure;

/// <summary>Where this area gets a molecule's rings from (the shared <see cref="RingInfo"/>).</summary>
internal static class RingPerception
{
    public static RingInfo Of(Molecule molecule) => molecule.RingInfo;
}
