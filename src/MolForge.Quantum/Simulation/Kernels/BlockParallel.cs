namespace MolForge.Quantum.Simulation.Kernels;

/// <summary>
/// Splits [0, count) into contiguous blocks for the thread pool (one or a few blocks per core, so that each worker
/// streams through a contiguous part of the state, as qulacs' OpenMP loops do).
/// </summary>
internal static class BlockParallel
{
    internal static int BlockCount(long count, in KernelSettings s)
    {
        if (!s.AllowParallel || count < KernelSettings.ParallelThreshold || Environment.ProcessorCount < 2) return 1;
        return (int)Math.Min(Environment.ProcessorCount * 2L, count / 4096);
    }

    /// <summary>Runs body(start, end) over the blocks; a single block runs inline.</summary>
    internal static void For<TBody>(long count, in KernelSettings s, TBody body) where TBody : IRangeBody
    {
        int blocks = BlockCount(count, s);
        if (blocks <= 1) { body.Run(0, count); return; }
        Parallel.For(0, blocks, b => body.Run(count * b / blocks, count * (b + 1) / blocks));
    }
}

/// <summary>A loop body over a range of work items.</summary>
internal interface IRangeBody
{
    void Run(long start, long end);
}
