using MolForge.Application.Design;
using MolForge.Application.Ranking;

namespace MolForge.Application.Pipeline;

/// <summary>Turns a prompt's property ranges into ranking objectives, and a scoring result into the property values
/// they read.</summary>
public static class RankingObjectives
{
    /// <summary>One range objective per prompt property; with none, drug-likeness (QED, higher is better).</summary>
    public static IReadOnlyList<Objective> For(DesignPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Properties.Count == 0) return [new Objective(PropertyNames.Qed, Desirability.Increasing(0.2, 0.9))];
        return prompt.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new Objective(p.Key, Desirability.Range(p.Value.Min, p.Value.Max)))
            .ToArray();
    }

    /// <summary>Property values of a scored molecule, by prompt property name (missing ones absent).</summary>
    public static Dictionary<string, double> Values(CandidateScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (result.Descriptors is { } d)
        {
            values[PropertyNames.MolWeight] = d.MolWeight;
            values[PropertyNames.CLogP] = d.CLogP;
            values[PropertyNames.Qed] = d.Qed;
            values[PropertyNames.Tpsa] = d.Tpsa;
            values[PropertyNames.Hbd] = d.Hbd;
            values[PropertyNames.Hba] = d.Hba;
            values[PropertyNames.RotatableBonds] = d.RotatableBonds;
            values[PropertyNames.HeavyAtoms] = d.HeavyAtoms;
        }
        if (result.Quantum is { } q) values[PropertyNames.HomoLumoGap] = q.HomoLumoGap;
        return values;
    }
}
