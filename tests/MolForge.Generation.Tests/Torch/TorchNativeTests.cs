using TorchSharp;
using static TorchSharp.torch;

namespace MolForge.Generation.Tests.Torch;

/// <summary>Proves the native libtorch loads (the GLIBCXX fix in Directory.Build.targets) and computes.</summary>
public sealed class TorchNativeTests
{
    [Fact]
    public void Matmul_of_ones_gives_row_sums()
    {
        using var a = ones(2, 2);
        using var b = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var c = a.matmul(b);
        Assert.Equal(new float[] { 4, 6, 4, 6 }, c.data<float>().ToArray());
    }

    [Fact]
    public void Autograd_gives_gradient_of_square()
    {
        using var x = tensor(new float[] { 3f }, requires_grad: true);
        using var y = (x * x).sum();
        y.backward();
        Assert.Equal(6f, x.grad!.item<float>(), 5);
    }
}
