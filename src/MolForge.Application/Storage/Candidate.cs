namespace MolForge.Application.Storage;

/// <summary>Whether a candidate made it through scoring.</summary>
public enum CandidateStatus
{
    Scored = 0,
    Failed = 1,
}

/// <summary>One generated candidate of a design run with its properties, 3D structure, scores and rank.</summary>
public sealed class Candidate
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid DesignRunId { get; set; }

    /// <summary>Order in which the generator proposed it (0-based).</summary>
    public int Index { get; set; }

    /// <summary>Canonical isomeric SMILES.</summary>
    public string Smiles { get; set; } = "";

    public CandidateStatus Status { get; set; }

    /// <summary>Why scoring failed, naming the stage.</summary>
    public string? Error { get; set; }

    public int Rank { get; set; }

    /// <summary>Weighted geometric mean of desirabilities (mf_score).</summary>
    public double Score { get; set; }

    public bool IsParetoOptimal { get; set; }

    public double MolWeight { get; set; }
    public double CLogP { get; set; }
    public double Qed { get; set; }
    public double Tpsa { get; set; }
    public int Hbd { get; set; }
    public int Hba { get; set; }
    public int RotatableBonds { get; set; }
    public int HeavyAtoms { get; set; }

    /// <summary>The 3D conformer with hydrogens as a V2000 molblock.</summary>
    public string? ConformerMolBlock { get; set; }

    public QuantumScore? Quantum { get; set; }
}
