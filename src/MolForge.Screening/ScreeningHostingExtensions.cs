using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MolForge.Application.Screening;
using Orleans.Configuration;

namespace MolForge.Screening;

/// <summary>How this process's silo joins a cluster.</summary>
public sealed record ScreeningClusterOptions
{
    /// <summary>PostgreSQL connection string (ADO.NET keywords) of the cluster's membership table; null = a
    /// single-machine cluster (localhost clustering).</summary>
    public string? ClusterConnectionString { get; init; }

    /// <summary>Address other silos reach this one at (default: loopback; set it for silos on several machines).</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Silo-to-silo port; 0 picks a free one.</summary>
    public int SiloPort { get; init; }

    /// <summary>Client gateway port; 0 picks a free one.</summary>
    public int GatewayPort { get; init; }

    /// <summary>Orleans cluster id (silos with the same id and database form one cluster).</summary>
    public string ClusterId { get; init; } = "molforge";

    /// <summary>Orleans service id.</summary>
    public string ServiceId { get; init; } = "molforge-screening";

    /// <summary>How often each silo wakes running jobs (takeover latency after a coordinating silo dies).</summary>
    public TimeSpan PumpInterval { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>Co-hosts a screening silo in a host (CLI, worker, web app).</summary>
public static class ScreeningHostingExtensions
{
    /// <summary>Adds an Orleans silo with the screening grains, the job dispatcher, the pump that resumes running
    /// jobs, and the screening use cases (<see cref="ScreeningJobService"/>). The MolForge database must be added
    /// too (AddMolForgeData). With <see cref="ScreeningClusterOptions.ClusterConnectionString"/> the silo joins the
    /// PostgreSQL cluster (schema applied at start); without it, it is a single-machine cluster.</summary>
    public static IHostApplicationBuilder AddMolForgeScreening(this IHostApplicationBuilder builder, ScreeningClusterOptions? options = null, ScreeningLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new ScreeningClusterOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IScreeningJobDispatcher, OrleansScreeningJobDispatcher>();
        builder.Services.AddMolForgeScreeningJobs(limits);
        if (options.ClusterConnectionString is { } schemaConnection)
            builder.Services.AddHostedService(_ => new PostgresClusterSchemaService(schemaConnection));
        var siloPort = options.SiloPort > 0 ? options.SiloPort : FreePort();
        var gatewayPort = options.GatewayPort > 0 ? options.GatewayPort : FreePort();
        builder.UseOrleans(silo =>
        {
            if (options.ClusterConnectionString is { } connection)
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connection;
                });
                silo.ConfigureEndpoints(options.AdvertisedAddress, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(options.AdvertisedAddress));
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            }
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // Declare a killed worker dead within seconds so its chunks are taken over quickly (PLATFORM.md).
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
                o.DefunctSiloExpiration = TimeSpan.FromHours(1);
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
        });
        builder.Services.AddHostedService<ScreeningJobPump>();
        return builder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
