using System.Runtime.Intrinsics.X86;

namespace MolForge.Quantum.Simulation.Kernels;

/// <summary>How a kernel call may run: SIMD (AVX2 + FMA) and multi-threading above a size threshold. The default
/// value allows both.</summary>
/// <param name="ForceScalar">Use the scalar fallback even when the CPU has AVX2 and FMA (as DOTNET_EnableAVX2=0
/// does).</param>
/// <param name="SingleThreaded">Never split the work over threads.</param>
public readonly record struct KernelSettings(bool ForceScalar = false, bool SingleThreaded = false)
{
    /// <summary>SIMD and threads allowed.</summary>
    public static KernelSettings Default => default;

    /// <summary>Scalar, single-threaded: the reference path.</summary>
    public static KernelSettings Scalar => new(true, true);

    /// <summary>SIMD allowed.</summary>
    public bool AllowSimd => !ForceScalar;

    /// <summary>Threads allowed.</summary>
    public bool AllowParallel => !SingleThreaded;

    /// <summary>True when the AVX2/FMA path is usable on this CPU and allowed.</summary>
    public bool UseSimd => AllowSimd && SimdAvailable;

    /// <summary>True when the CPU (and runtime: DOTNET_EnableAVX2=0 turns it off) offers AVX2 and FMA.</summary>
    public static bool SimdAvailable => Avx2.IsSupported && Fma.IsSupported;

    /// <summary>Work items (amplitude pairs) above which a kernel runs on several threads.</summary>
    public const long ParallelThreshold = 1L << 15;
}
