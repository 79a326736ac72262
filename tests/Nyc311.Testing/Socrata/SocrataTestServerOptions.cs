namespace Nyc311.Testing.Socrata;

/// <summary>Settings of the loopback Socrata server.</summary>
public sealed record SocrataTestServerOptions
{
    /// <summary>When set, requests without this <c>X-App-Token</c> get 403; default none (no check).</summary>
    public string? RequiredAppToken { get; init; }

    /// <summary>The largest <c>$limit</c> accepted (SODA 2.0 allows 50,000); larger ones get 400.</summary>
    public int MaxLimit { get; init; } = 50_000;

    /// <summary>Clock for the default <c>:updated_at</c> of added rows and for <see cref="SocrataRequest.ReceivedAt"/>; default the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
