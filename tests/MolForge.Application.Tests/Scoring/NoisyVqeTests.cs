using MolForge.Application.Design;
using MolForge.Application.Scoring;
using MolForge.Quantum.Variational;
using Xunit.Abstractions;

namespace MolForge.Application.Tests.Scoring;

public sealed class NoisyVqeTests(ITestOutputHelper output)
{
    [Fact]
    public void Mitigated_noisy_vqe_is_measurably_closer_to_casci_than_unmitigated()
    {
        // the default engine (as registered for the design pipeline) and a design prompt's scoring block
        var scorer = new MoleculeScorer(new StateVectorVqeEngine());
        var result = scorer.Score("C=O", new ScoringSettings(Method: "vqe", Backend: "noisy", Shots: 100_000), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var q = result.Quantum!;
        double exact = q.ECasci!.Value, e = q.EVqe!.Value, raw = q.EVqeUnmitigated!.Value, se = q.EVqeStdErr!.Value;
        output.WriteLine($"CASCI {exact:F6}; mitigated {e:F6} ± {se:F6} (error {(e - exact) * 1e3:F2} mHa); unmitigated {raw:F6} (error {(raw - exact) * 1e3:F2} mHa); " +
                         $"{q.MeasurementGroups} groups, {q.VqeIterations} iterations");
        Assert.True(q.MeasurementGroups > 0);
        Assert.NotEmpty(q.VqeConvergence!);
        Assert.True(Math.Abs(raw - exact) - Math.Abs(e - exact) > 3 * se, "mitigation must measurably reduce the error");
        Assert.True(Math.Abs(e - exact) < 4 * se + 2e-3, $"mitigated {e} vs CASCI {exact} ± {se}");
    }

    [Fact]
    public void Mitigation_none_reports_no_unmitigated_energy_and_readout_mitigation_helps()
    {
        var ints = TestIntegrals.H2();
        var settings = new ScoringSettings(Method: "vqe", Backend: "noisy", Shots: 50_000);
        VqeOutcome Run(string mitigation) => new StateVectorVqeEngine(new VqeEngineOptions { Noise = new NoisySettings(Mitigation: mitigation), Optimizer = NoisyOptimizerMethod.NelderMead })
            .Run(ints.Integrals, ints.OrbitalEnergies, settings, CancellationToken.None);
        var none = Run("none");
        var readout = Run("readout");
        Assert.Null(none.UnmitigatedEnergy);
        Assert.NotNull(readout.UnmitigatedEnergy);
        Assert.Equal("nelder-mead", none.Optimizer);
        output.WriteLine($"exact {ints.Exact:F6}; none {none.Energy:F6} ± {none.StandardError:F6}; readout {readout.Energy:F6} ± {readout.StandardError:F6} (raw {readout.UnmitigatedEnergy:F6})");
        Assert.True(Math.Abs(none.Energy - ints.Exact) - Math.Abs(readout.Energy - ints.Exact) > 3 * (none.StandardError!.Value + readout.StandardError!.Value));
    }

    [Fact]
    public void Bad_noise_settings_and_gradient_only_ansatzes_are_refused_with_a_message()
    {
        var ints = TestIntegrals.H2();
        var bad = new StateVectorVqeEngine(new VqeEngineOptions { Noise = new NoisySettings(ReadoutError: 0.7) });
        var ex = Assert.Throws<NotSupportedException>(() => bad.Run(ints.Integrals, ints.OrbitalEnergies, new ScoringSettings(Backend: "noisy"), CancellationToken.None));
        Assert.Contains("noisy backend", ex.Message, StringComparison.Ordinal);
        var adapt = Assert.Throws<NotSupportedException>(() => new StateVectorVqeEngine().Run(ints.Integrals, ints.OrbitalEnergies,
            new ScoringSettings(Backend: "noisy", Ansatz: "adapt"), CancellationToken.None));
        Assert.Contains("uccsd or hea", adapt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_backend_returns_a_convergence_trace()
    {
        var ints = TestIntegrals.H2();
        foreach (var backend in new[] { "statevector", "shots", "noisy" })
        {
            var o = new StateVectorVqeEngine().Run(ints.Integrals, ints.OrbitalEnergies, new ScoringSettings(Backend: backend, Shots: 20_000), CancellationToken.None);
            Assert.True(o.Convergence.Count >= 2, backend);
            Assert.Equal(o.Iterations + (backend == "statevector" ? 1 : 0), o.Convergence.Count);
            Assert.All(o.Convergence, e => Assert.InRange(e, ints.Exact - 0.1, ints.Exact + 0.3));
        }
    }
}
