using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MolForge.Application.Storage;

namespace MolForge.Data.Configuration;

internal sealed class DesignRunConfiguration : IEntityTypeConfiguration<DesignRun>
{
    public void Configure(EntityTypeBuilder<DesignRun> e)
    {
        e.HasKey(r => r.Id);
        e.Property(r => r.OwnerId).HasMaxLength(64).IsRequired();
        e.Property(r => r.Title).HasMaxLength(200);
        e.Property(r => r.SoftwareVersion).HasMaxLength(100);
        e.Property(r => r.Error).HasMaxLength(4000);
        e.HasIndex(r => new { r.OwnerId, r.CreatedAt });
        e.HasMany(r => r.Candidates).WithOne().HasForeignKey(c => c.DesignRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> e)
    {
        e.HasKey(c => c.Id);
        e.Property(c => c.Smiles).HasMaxLength(2000).IsRequired();
        e.Property(c => c.Error).HasMaxLength(4000);
        e.HasIndex(c => new { c.DesignRunId, c.Rank });
        e.HasOne(c => c.Quantum).WithOne().HasForeignKey<QuantumScore>(q => q.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuantumScoreConfiguration : IEntityTypeConfiguration<QuantumScore>
{
    public void Configure(EntityTypeBuilder<QuantumScore> e)
    {
        e.HasKey(q => q.Id);
        e.Property(q => q.Basis).HasMaxLength(20);
        e.Property(q => q.Method).HasMaxLength(20);
        e.Property(q => q.Backend).HasMaxLength(20);
        e.Property(q => q.Mapping).HasMaxLength(20);
        e.Property(q => q.Ansatz).HasMaxLength(20);
    }
}

internal sealed class ScoreCacheEntryConfiguration : IEntityTypeConfiguration<ScoreCacheEntry>
{
    public void Configure(EntityTypeBuilder<ScoreCacheEntry> e)
    {
        e.HasKey(c => c.Key);
        e.Property(c => c.Key).HasMaxLength(2200);
    }
}

internal sealed class ScreeningJobConfiguration : IEntityTypeConfiguration<ScreeningJob>
{
    public void Configure(EntityTypeBuilder<ScreeningJob> e)
    {
        e.HasKey(j => j.Id);
        e.Property(j => j.Name).HasMaxLength(200).IsRequired();
        e.Property(j => j.OwnerId).HasMaxLength(64).IsRequired();
        e.Property(j => j.InputPath).HasMaxLength(2000);
        e.Property(j => j.InputSha256).HasMaxLength(64);
        e.Property(j => j.Error).HasMaxLength(2000);
        e.HasIndex(j => new { j.OwnerId, j.Name }).IsUnique();
    }
}

internal sealed class ScreeningItemConfiguration : IEntityTypeConfiguration<ScreeningItem>
{
    public void Configure(EntityTypeBuilder<ScreeningItem> e)
    {
        // (job, line) is the key: a retried write of the same line can never create a second row.
        e.HasKey(i => new { i.JobId, i.LineIndex });
        e.Property(i => i.Smiles).HasMaxLength(10000);
        e.Property(i => i.Name).HasMaxLength(500);
        e.Property(i => i.Error).HasMaxLength(2000);
        e.HasOne<ScreeningJob>().WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
