using MolForge.Chem.Core;
using MolForge.Chem.Substructure;

namespace MolForge.Chem.Descriptors;

/// <summary>The descriptor set of <c>molforge describe</c>, each with RDKit 2022.09's definition.</summary>
/// <param name="Formula">CalcMolFormula.</param>
/// <param name="MolWt">Descriptors.MolWt.</param>
/// <param name="ExactMolWt">Descriptors.ExactMolWt.</param>
/// <param name="HeavyAtoms">Heavy-atom count.</param>
/// <param name="LogP">Crippen MolLogP.</param>
/// <param name="MR">Crippen MolMR.</param>
/// <param name="Tpsa">CalcTPSA (N, O).</param>
/// <param name="Hbd">CalcNumHBD.</param>
/// <param name="Hba">CalcNumHBA.</param>
/// <param name="RotatableBonds">CalcNumRotatableBonds (strict).</param>
/// <param name="Rings">CalcNumRings.</param>
/// <param name="AromaticRings">CalcNumAromaticRings.</param>
/// <param name="FractionCSP3">CalcFractionCSP3.</param>
/// <param name="Qed">QED.qed.</param>
/// <param name="QedProperties">The QED inputs.</param>
public sealed record DescriptorSet(
    string Formula, double MolWt, double ExactMolWt, int HeavyAtoms, double LogP, double MR, double Tpsa, int Hbd, int Hba,
    int RotatableBonds, int Rings, int AromaticRings, double FractionCSP3, double Qed, QedProperties QedProperties);

/// <summary>Computes the whole <see cref="DescriptorSet"/> of a molecule, sharing ring perception and the prepared
/// SMARTS target between descriptors. Thread-safe (all patterns are compiled once, state is per call).</summary>
public static class MolecularDescriptors
{
    /// <summary>All descriptors of a sanitised molecule.</summary>
    public static DescriptorSet Compute(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var rings = RingPerception.Of(molecule);
        var target = new SubstructureTarget(molecule, rings);
        var molWt = MolecularFormula.MolWt(molecule);
        var crippen = Crippen.Contributions(molecule, rings);
        var tpsa = Tpsa.Compute(molecule, rings);
        var hbd = Lipinski.NumHBD(target);
        var hba = Lipinski.NumHBA(target);
        var rot = Lipinski.NumRotatableBonds(target);
        var qedProps = Descriptors.Qed.Properties(target, molWt, crippen.LogP, tpsa, hbd, rot);
        return new DescriptorSet(
            MolecularFormula.Formula(molecule), molWt, MolecularFormula.ExactMolWt(molecule),
            MolecularFormula.HeavyAtomCount(molecule), crippen.LogP, crippen.MR, tpsa, hbd, hba, rot,
            Lipinski.NumRings(rings), Lipinski.NumAromaticRings(molecule, rings), Lipinski.FractionCSP3(molecule),
            Descriptors.Qed.Compute(qedProps), qedProps);
    }
}
