using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MolForge.Data.Configuration;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks (sortable on every provider).</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
