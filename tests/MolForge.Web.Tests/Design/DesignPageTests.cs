using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.Storage;
using MolForge.Web.Infrastructure;
using MolForge.Web.Tests.Support;
using MudBlazor;
using DesignPage = MolForge.Web.Components.Pages.Design;

namespace MolForge.Web.Tests.Design;

/// <summary>The design page validates as the user types (bUnit, no browser) and submits through DesignRunService.</summary>
public sealed class DesignPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private const string Owner = "user-1";
    private readonly InMemoryRunRepository _runs = new();

    private IRenderedComponent<DesignPage> RenderPage(bool withPipeline = true, Guid? runId = null)
    {
        _ctx.AddPageServices();
        _ctx.Services.AddSingleton(new DesignLimits());
        _ctx.Services.AddSingleton<IDesignRunRepository>(_runs);
        _ctx.Services.AddSingleton<IScoreCache, NoCache>();
        _ctx.Services.AddSingleton<IStructureChecker, BalanceChecker>();
        _ctx.Services.AddSingleton<DesignProgressHub>();
        if (withPipeline)
        {
            _ctx.Services.AddSingleton<ICandidateGenerator, UnusedGenerator>();
            _ctx.Services.AddSingleton<ICandidateScorer, UnusedScorer>();
            _ctx.Services.AddSingleton<DesignPipeline>();
            _ctx.Services.AddSingleton<DesignRunService>();
        }
        _ctx.Services.AddSingleton<DesignAvailability>();
        _ctx.SignIn(Owner);
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/design?run={runId ?? Guid.NewGuid()}");
        return _ctx.Render<DesignPage>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable, so the bUnit context must be disposed asynchronously.
    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private static bool SubmitDisabled(IRenderedComponent<DesignPage> page) => page.Find("[data-testid=prompt-submit]").HasAttribute("disabled");

    [Fact]
    public void Inverted_range_is_shown_beside_the_field_and_blocks_submit()
    {
        var page = RenderPage();
        Assert.False(SubmitDisabled(page));

        page.Find("input[data-testid=range-clogp-min]").Input("6");

        page.WaitForAssertion(() => Assert.Contains("range is inverted: min 6 > max 4", page.Find("[data-testid=range-clogp-error]").TextContent, StringComparison.Ordinal));
        Assert.True(SubmitDisabled(page));
        Assert.Contains("properties.clogp", page.Find("[data-testid=prompt-errors]").TextContent, StringComparison.Ordinal);

        page.Find("input[data-testid=range-clogp-min]").Input("2");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=range-clogp-error]")));
        Assert.False(SubmitDisabled(page));
    }

    [Fact]
    public void Bad_scaffold_is_named_as_you_type()
    {
        var page = RenderPage();

        page.Find("input[data-testid=prompt-scaffold]").Input("c1ccc(cc1");

        page.WaitForAssertion(() => Assert.Contains("scaffold: unbalanced parentheses", page.Find("[data-testid=prompt-errors]").TextContent, StringComparison.Ordinal));
        Assert.True(SubmitDisabled(page));
    }

    [Fact]
    public void Bad_required_smarts_is_named_with_its_position()
    {
        var page = RenderPage();

        page.Find("input[data-testid=prompt-required]").Input("[NH");
        page.Find("[data-testid=prompt-required-add]").Click();

        page.WaitForAssertion(() => Assert.Contains("required[0]: '[NH': unbalanced brackets", page.Find("[data-testid=prompt-errors]").TextContent, StringComparison.Ordinal));
        Assert.Single(page.FindAll("[data-testid=prompt-required-item]"));
    }

    [Fact]
    public void Count_of_zero_is_refused()
    {
        var page = RenderPage();

        page.Find("input[data-testid=prompt-count]").Input("0");

        page.WaitForAssertion(() => Assert.Contains("count: must be between 1 and 500", page.Find("[data-testid=prompt-errors]").TextContent, StringComparison.Ordinal));
        Assert.True(SubmitDisabled(page));
    }

    [Fact]
    public void Submitting_twice_stores_one_run_with_the_cli_prompt_json_and_opens_it()
    {
        var runId = Guid.NewGuid();
        var page = RenderPage(runId: runId);
        page.Find("input[data-testid=prompt-scaffold]").Input("c1ccc2[nH]ccc2c1");
        page.Find("input[data-testid=prompt-count]").Input("7");
        page.WaitForAssertion(() => Assert.Contains("Design 7 candidates", page.Find("[data-testid=prompt-submit]").TextContent, StringComparison.Ordinal));
        // The scaffold field is debounced: wait until the form has taken it (the default title shows it).
        page.WaitForAssertion(() => Assert.Contains("c1ccc2[nH]ccc2c1 × 7", page.Markup, StringComparison.Ordinal));

        page.Find("[data-testid=prompt-submit]").Click();
        Assert.Empty(page.FindAll("[data-testid=submit-error]"));
        var navigation = _ctx.Services.GetRequiredService<BunitNavigationManager>();
        page.WaitForAssertion(() => Assert.True(navigation.History.Any(h => h.Uri.EndsWith($"/runs/{runId}", StringComparison.Ordinal)), string.Join(" | ", navigation.History.Select(h => h.Uri)) + " runs: " + string.Join(",", _runs.Runs.Keys)));
        page.Find("[data-testid=prompt-submit]").Click();

        var run = Assert.Single(_runs.Runs.Values);
        Assert.Equal(runId, run.Id);
        Assert.Equal(Owner, run.OwnerId);
        Assert.Equal(RunStatus.Pending, run.Status);
        var prompt = DesignPromptReader.Parse(run.PromptJson);
        Assert.Equal("c1ccc2[nH]ccc2c1", prompt.Scaffold);
        Assert.Equal(7, prompt.Count);
        Assert.Equal(["C", "H", "N", "O", "F", "S", "Cl"], prompt.Elements);
    }

    [Fact]
    public void A_form_whose_run_exists_says_so()
    {
        var runId = Guid.NewGuid();
        _runs.Runs[runId] = new DesignRun { Id = runId, OwnerId = Owner, Title = "indoles", PromptJson = """{"count": 2}""" };

        var page = RenderPage(runId: runId);

        page.WaitForAssertion(() => Assert.Contains("indoles", page.Find("[data-testid=already-submitted]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_generator_the_page_explains_and_cannot_submit()
    {
        var page = RenderPage(withPipeline: false);

        Assert.NotNull(page.Find("[data-testid=design-unavailable]"));
        Assert.True(SubmitDisabled(page));
    }
}
