namespace Nyc311.Testing.Socrata;

/// <summary>
/// A recipe for generated service requests in the API's format: consecutive <c>unique_key</c>s,
/// <c>created_date</c>s <see cref="Spacing"/> apart from <see cref="FirstCreated"/> (New York
/// wall-clock time), agencies, complaint types and boroughs drawn from <see cref="Seed"/>, and
/// <c>location</c> alternating between the latitude/longitude object (even records) and a
/// GeoJSON Point (odd records).
/// </summary>
/// <param name="Count">How many records.</param>
public sealed record SocrataGeneratedRecords(int Count)
{
    /// <summary>Seed of the random choices; default 311.</summary>
    public int Seed { get; init; } = 311;

    /// <summary>The first <c>unique_key</c>; default 90,000,000 (far from real keys).</summary>
    public long FirstUniqueKey { get; init; } = 90_000_000;

    /// <summary>The first <c>created_date</c>; default 2024-01-01 00:00:00.</summary>
    public DateTime FirstCreated { get; init; } = new(2024, 1, 1);

    /// <summary>Time between consecutive <c>created_date</c>s; default 1 minute.</summary>
    public TimeSpan Spacing { get; init; } = TimeSpan.FromMinutes(1);
}
