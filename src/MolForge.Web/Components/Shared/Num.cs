using System.Globalization;

namespace MolForge.Web.Components.Shared;

/// <summary>Invariant number formatting for the pages (hartree energies, descriptors).</summary>
public static class Num
{
    public static string F(double value, int digits) => value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string F(double? value, int digits) => value is { } v ? F(v, digits) : "—";

    public static string Seconds(double seconds) => seconds < 1 ? $"{F(seconds * 1000, 0)} ms" : seconds < 120 ? $"{F(seconds, 1)} s" : $"{F(seconds / 60, 1)} min";

    public static string When(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "—";
}
