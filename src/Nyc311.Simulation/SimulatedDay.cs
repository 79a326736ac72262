namespace Nyc311.Simulation;

/// <summary>The records of one calendar day (America/New_York), in file order.</summary>
/// <param name="Date">The day the requests were created.</param>
/// <param name="IsMissing">True when the real series has no full count for the day; it then has no records.</param>
/// <param name="Requests">The number of distinct requests: the real daily total, or 0 when missing.</param>
/// <param name="Records">The rows in file order; more than <paramref name="Requests"/> when some are re-published.</param>
public sealed record SimulatedDay(DateOnly Date, bool IsMissing, int Requests, IReadOnlyList<SimulatedRequest> Records);
