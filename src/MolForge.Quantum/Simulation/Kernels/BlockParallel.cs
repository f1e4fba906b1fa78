namespace MolForge.Quantum.Simulation.Kernels;

/// <summary>
/// Splits [0, count) into contiguous blocks (one or a few per core, so each worker streams through a contiguous part
/// of the state, as qulacs' OpenMP loops do) and runs them on a small persistent worker pool. Nothing is allocated
/// per call: the loop body is a struct held in a per-thread, per-type reusable job object.
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
        var job = Job<TBody>.ForThisThread;
        job.Body = body;
        job.Count = count;
        job.Blocks = blocks;
        try
        {
            WorkerPool.Run(job, blocks);
        }
        finally
        {
            job.Body = default!;
        }
    }

    private sealed class Job<TBody> : IBlockJob where TBody : IRangeBody
    {
        [ThreadStatic] private static Job<TBody>? t_instance;

        public static Job<TBody> ForThisThread => t_instance ??= new Job<TBody>();

        public TBody Body = default!;
        public long Count;
        public int Blocks;

        public void Execute(int block) => Body.Run(Count * block / Blocks, Count * (block + 1) / Blocks);
    }
}

/// <summary>A loop body over a range of work items.</summary>
internal interface IRangeBody
{
    void Run(long start, long end);
}

internal interface IBlockJob
{
    void Execute(int block);
}

/// <summary>
/// ProcessorCount − 1 background threads plus the caller. A job is published as (epoch, next block) in one 64-bit
/// ticket; blocks are claimed by compare-and-swap only while the epoch matches, so a worker that wakes late can never
/// claim (or lose) a block of a later job. The caller takes part and waits until every block has finished.
/// </summary>
internal static class WorkerPool
{
    private static readonly object Gate = new();
    private static readonly int Workers = Math.Max(1, Environment.ProcessorCount - 1);
    private static readonly SemaphoreSlim Wake = new(0);
    private static readonly ManualResetEventSlim Done = new(false);
    private static IBlockJob? _job;
    private static int _blocks;
    private static int _pending;
    private static long _ticket; // epoch << 32 | next block
    private static int _epoch;
    private static Exception? _error;

    static WorkerPool()
    {
        for (int i = 0; i < Workers; i++)
            new Thread(Loop) { IsBackground = true, Name = "MolForge.Quantum kernel worker " + i }.Start();
    }

    public static void Run(IBlockJob job, int blocks)
    {
        lock (Gate)
        {
            _job = job;
            _blocks = blocks;
            _pending = blocks;
            _error = null;
            Done.Reset();
            int epoch = ++_epoch;
            Volatile.Write(ref _ticket, (long)epoch << 32);
            Wake.Release(Math.Min(Workers, blocks - 1));
            Work(epoch);
            Done.Wait();
            _job = null;
            if (_error != null) throw new AggregateException("A state-vector kernel block failed.", _error);
        }
    }

    private static void Loop()
    {
        while (true)
        {
            Wake.Wait();
            Work((int)(Volatile.Read(ref _ticket) >> 32));
        }
    }

    private static void Work(int epoch)
    {
        while (true)
        {
            long t = Volatile.Read(ref _ticket);
            if ((int)(t >> 32) != epoch) return;
            int block = (int)(t & 0xFFFFFFFF);
            if (block >= _blocks) return;
            if (Interlocked.CompareExchange(ref _ticket, t + 1, t) != t) continue;
            try
            {
                _job!.Execute(block);
            }
            catch (Exception e)
            {
                _error = e;
            }
            if (Interlocked.Decrement(ref _pending) == 0) Done.Set();
        }
    }
}
