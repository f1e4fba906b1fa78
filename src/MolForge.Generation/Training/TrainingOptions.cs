namespace MolForge.Generation.Training;

/// <summary>Options of <see cref="Trainer"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Molecules per batch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam learning rate (decayed by cosine to 10% over the run).</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Gradient-norm clip.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>Probability of hiding each property from the model during training.</summary>
    public double ConditionDropout { get; init; } = 0.3;

    /// <summary>Seed for data order, DFS orders and weights.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Stop after this many batches in total (0 = no limit); for tests and smoke runs.</summary>
    public int MaxSteps { get; init; }

    /// <summary>Stop after this much training time in total, across resumes (null = no limit). The learning-rate
    /// schedule then runs over whichever of steps or time ends first.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>Where to write checkpoints (null = none).</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>How often to write a checkpoint.</summary>
    public TimeSpan CheckpointEvery { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Threads for libtorch (0 = leave as is).</summary>
    public int Threads { get; init; }
}

/// <summary>Progress of training, reported after every batch.</summary>
/// <param name="Epoch">Epoch (0-based).</param>
/// <param name="Batch">Batch within the epoch (0-based).</param>
/// <param name="BatchesPerEpoch">Batches per epoch.</param>
/// <param name="Step">Global step.</param>
/// <param name="Loss">Loss of this batch (mean negative log-likelihood per action).</param>
/// <param name="SmoothedLoss">Exponential moving average of the loss.</param>
/// <param name="Elapsed">Time since this run started.</param>
/// <param name="CheckpointWritten">True when a checkpoint was written after this batch.</param>
public sealed record TrainingProgress(int Epoch, int Batch, int BatchesPerEpoch, long Step, double Loss, double SmoothedLoss,
    TimeSpan Elapsed, bool CheckpointWritten);
