using System.Runtime.Intrinsics.X86;

namespace MolForge.Quantum.Simulation.Kernels;

/// <summary>How a kernel call may run: SIMD (AVX2 + FMA) and multi-threading above a size threshold.</summary>
/// <param name="AllowSimd">Use the Vector256 path when the CPU has AVX2 and FMA (false forces the scalar
/// fallback, as DOTNET_EnableAVX2=0 does).</param>
/// <param name="AllowParallel">Split the work over blocks on the thread pool when the state is large.</param>
public readonly record struct KernelSettings(bool AllowSimd = true, bool AllowParallel = true)
{
    /// <summary>SIMD and threads allowed.</summary>
    public static KernelSettings Default => new(true, true);

    /// <summary>Scalar, single-threaded: the reference path.</summary>
    public static KernelSettings Scalar => new(false, false);

    /// <summary>True when the AVX2/FMA path is usable on this CPU and allowed.</summary>
    public bool UseSimd => AllowSimd && Avx2.IsSupported && Fma.IsSupported;

    /// <summary>Work items (amplitude pairs) above which a kernel runs on several threads.</summary>
    public const long ParallelThreshold = 1L << 15;
}
