using MolForge.Application.Design;
using MolForge.Web.Design;
using MolForge.Web.Tests.Support;

namespace MolForge.Web.Tests.Design;

public sealed class DesignFormModelTests
{
    private static readonly DesignLimits Limits = new();

    [Fact]
    public void Default_form_is_valid_and_its_json_is_read_back_by_the_cli_reader_unchanged()
    {
        var model = new DesignFormModel { Scaffold = "c1ccc2[nH]ccc2c1", Count = 12, Seed = 7 };
        model.Required.Add("C(=O)N");
        model.Forbidden.Add("[N+](=O)[O-]");

        Assert.Empty(model.Validate(Limits, new BalanceChecker()));
        var read = DesignPromptReader.Parse(model.ToJson(), Limits, new BalanceChecker());
        var expected = model.ToPrompt();
        Assert.Equal(expected.Count, read.Count);
        Assert.Equal(expected.Scaffold, read.Scaffold);
        Assert.Equal(expected.Seed, read.Seed);
        Assert.Equal(expected.Properties.OrderBy(p => p.Key), read.Properties.OrderBy(p => p.Key));
        Assert.Equal(expected.Required, read.Required);
        Assert.Equal(expected.Forbidden, read.Forbidden);
        Assert.Equal(expected.Elements, read.Elements);
        Assert.Equal(expected.Scoring, read.Scoring);
    }

    [Theory]
    [InlineData("vqe", "shots", 500, "c1ccccc1", "mp2")]
    [InlineData("casci", "statevector", 10000, "", "canonical")]
    [InlineData("casci", "statevector", 10000, "", "mp2")]
    [InlineData("rhf", "statevector", 1, "[#6]1:[#6]:[#6]:[#6]:[#6]:[#6]:1", "canonical")]
    public void Json_round_trips_scoring_settings_and_optional_keys(string method, string backend, int shots, string scaffold, string orbitals)
    {
        var model = new DesignFormModel { Scaffold = scaffold, Method = method, Backend = backend, Shots = shots, Basis = "6-31g*", ActiveElectrons = 4, ActiveOrbitals = 3, Orbitals = orbitals };
        model.Elements.Clear();
        foreach (var r in model.Ranges) r.Enabled = r.Name == PropertyNames.HomoLumoGap;

        var read = DesignPromptReader.Parse(model.ToJson(), Limits);

        Assert.Equal(model.ToPrompt().Scoring with { Shots = backend == "statevector" ? read.Scoring.Shots : shots }, read.Scoring);
        Assert.Equal(scaffold.Length == 0 ? null : scaffold, read.Scaffold);
        Assert.Empty(read.Elements);
        Assert.Equal([PropertyNames.HomoLumoGap], read.Properties.Keys);
        Assert.DoesNotContain("\"elements\"", model.ToJson(), StringComparison.Ordinal);
        Assert.Equal(orbitals, read.Scoring.Orbitals);
        Assert.Equal(orbitals == "mp2", model.ToJson().Contains("\"orbitals\":\"mp2\"", StringComparison.Ordinal));
        Assert.Equal(orbitals, DesignFormModel.FromPrompt(read, "again").Orbitals);
    }

    [Fact]
    public void Inverted_range_is_named_by_its_field()
    {
        var model = new DesignFormModel();
        var clogp = model.Ranges.Single(r => r.Name == PropertyNames.CLogP);
        (clogp.Min, clogp.Max) = (5, 1);

        var errors = model.Validate(Limits, null);

        var error = Assert.Single(errors);
        Assert.Equal("properties.clogp", error.Field);
        Assert.Contains("inverted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ticked_range_with_an_empty_bound_is_an_error_and_unticked_ranges_are_ignored()
    {
        var model = new DesignFormModel();
        model.Ranges.Single(r => r.Name == PropertyNames.Qed).Max = null;
        var tpsa = model.Ranges.Single(r => r.Name == PropertyNames.Tpsa);
        (tpsa.Enabled, tpsa.Min, tpsa.Max) = (false, 200, 10); // inverted, but not part of the prompt

        var errors = model.Validate(Limits, null);

        Assert.Equal(["properties.qed"], errors.Select(e => e.Field));
        Assert.DoesNotContain(PropertyNames.Tpsa, model.ToPrompt().Properties.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(501)]
    public void Count_outside_the_limits_is_named(int count)
    {
        var errors = new DesignFormModel { Count = count }.Validate(Limits, null);
        Assert.Contains(errors, e => e.Field == "count");
    }

    [Fact]
    public void Bad_scaffold_and_smarts_are_named_once_a_checker_is_registered()
    {
        var model = new DesignFormModel { Scaffold = "c1ccc(cc1" };
        model.Required.Add("C(=O)N");
        model.Required.Add("[NH");

        Assert.Empty(model.Validate(Limits, checker: null));
        var errors = model.Validate(Limits, new BalanceChecker());

        Assert.Contains(errors, e => e.Field == "scaffold" && e.Message.Contains("parentheses", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "required[1]" && e.Message.Contains("'[NH'", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Field == "required[0]");
    }

    [Fact]
    public void Active_space_that_does_not_fit_is_reported()
    {
        var errors = new DesignFormModel { ActiveElectrons = 6, ActiveOrbitals = 2 }.Validate(Limits, null);
        Assert.Contains(errors, e => e.Field == "scoring.active");
    }

    [Fact]
    public void From_prompt_restores_the_form()
    {
        var original = new DesignFormModel { Scaffold = "c1ccncc1", Count = 3, Seed = 11, Method = "casci", Basis = "6-31g" };
        original.Forbidden.Add("[SH]");
        original.Elements.Remove("Cl");
        var prompt = DesignPromptReader.Parse(original.ToJson(), Limits);

        var restored = DesignFormModel.FromPrompt(prompt, "again");

        Assert.Equal(original.ToJson(), restored.ToJson());
        Assert.Equal("again", restored.Title);
    }
}
