using Nyc311.Lake;

namespace Nyc311.Dashboard;

/// <summary>How the dashboard runs: which lake it reads, where it listens, whose clock it uses.</summary>
public sealed class DashboardOptions
{
    /// <summary>The default port of <c>nyc311 serve</c>.</summary>
    public const int DefaultPort = 5311;

    /// <summary>The lake root holding <c>bronze</c>, <c>silver</c> and <c>gold</c>. Default <c>./lake</c>.</summary>
    public string LakeRoot { get; init; } = "./lake";

    /// <summary>Settings of the table layer other than the root (the root is <see cref="LakeRoot"/>).</summary>
    public LakeOptions Lake { get; init; } = new();

    /// <summary>TCP port on 127.0.0.1; 0 lets the system choose a free one. Default 5311.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Who operator labels are recorded as (<c>gold.incident_feedback.actor</c>). Default <c>dashboard</c>.</summary>
    public string Actor { get; init; } = "dashboard";

    /// <summary>How often open pages look for new table versions and refresh themselves. Default 30 seconds.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock for "today", data freshness and label times. Default the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The ASP.NET Core environment name. Default <c>Production</c>.</summary>
    public string EnvironmentName { get; init; } = "Production";

    /// <summary>Whether the host logs requests and startup to the console. Default true.</summary>
    public bool ConsoleLogging { get; init; } = true;

    internal LakeOptions EffectiveLake() => new()
    {
        Root = LakeRoot,
        TargetFileSizeBytes = Lake.TargetFileSizeBytes,
        MaxCommitAttempts = Lake.MaxCommitAttempts,
        EnableInCommitTimestamps = Lake.EnableInCommitTimestamps,
        DeletedFileRetention = Lake.DeletedFileRetention,
    };

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(LakeRoot))
        {
            throw DashboardException.InvalidOptions("the lake root is empty");
        }

        if (Port is < 0 or > 65535)
        {
            throw DashboardException.InvalidOptions($"port {Port} is not between 0 and 65535");
        }

        if (RefreshInterval <= TimeSpan.Zero)
        {
            throw DashboardException.InvalidOptions($"refresh interval {RefreshInterval} is not positive");
        }

        if (string.IsNullOrWhiteSpace(Actor))
        {
            throw DashboardException.InvalidOptions("the actor recorded with labels is empty");
        }
    }
}
