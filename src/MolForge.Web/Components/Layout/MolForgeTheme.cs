using MudBlazor;

namespace MolForge.Web.Components.Layout;

/// <summary>The app's MudBlazor theme: a restrained palette and the system font stack (no web fonts: the app runs
/// offline and Roboto is not shipped).</summary>
public static class MolForgeTheme
{
    private static readonly string[] Fonts = ["system-ui", "-apple-system", "Segoe UI", "Noto Sans", "DejaVu Sans", "Helvetica Neue", "Arial", "sans-serif"];

    /// <summary>The theme used by the layout.</summary>
    public static MudTheme Theme { get; } = Create();

    private static MudTheme Create()
    {
        var theme = new MudTheme
        {
            PaletteLight = new PaletteLight
            {
                Primary = "#1f5f8b",
                Secondary = "#56657a",
                Tertiary = "#7b1fa2",
                AppbarBackground = "#16324f",
                AppbarText = "#ffffff",
                Background = "#f6f8fa",
                Surface = "#ffffff",
                TextPrimary = "#1d2733",
                TextSecondary = "#56657a",
                LinesDefault = "#dde3ea",
                TableLines = "#e6ebf0",
            },
            LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
        };
        var t = theme.Typography;
        foreach (var typo in new BaseTypography[] { t.Default, t.H1, t.H2, t.H3, t.H4, t.H5, t.H6, t.Subtitle1, t.Subtitle2, t.Body1, t.Body2, t.Button, t.Caption, t.Overline })
            typo.FontFamily = Fonts;
        t.Button.TextTransform = "none";
        t.H4.FontWeight = "600";
        t.H5.FontWeight = "600";
        t.H6.FontWeight = "600";
        return theme;
    }
}
