namespace Nyc311.Testing.Socrata;

/// <summary>One request the loopback server received, for assertions.</summary>
public sealed record SocrataRequest
{
    /// <summary>1-based number of the request.</summary>
    public required int Number { get; init; }

    public required string Dataset { get; init; }

    /// <summary>The raw query parameters (<c>$select</c>, <c>$where</c>, <c>$order</c>, <c>$limit</c>, <c>$offset</c>, ...).</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    /// <summary>When the request arrived, on the server's clock (<see cref="SocrataTestServerOptions.Clock"/>).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The <c>X-App-Token</c> header as received, or null.</summary>
    public string? AppToken { get; init; }

    /// <summary>The fault served, or null for a normal answer.</summary>
    public SocrataFault? Fault { get; init; }

    /// <summary>The status code answered (0 while the answer is being written).</summary>
    public int StatusCode { get; internal set; }

    public string? Select => Query.GetValueOrDefault("$select");

    public string? Where => Query.GetValueOrDefault("$where");

    public string? Order => Query.GetValueOrDefault("$order");

    public int? Limit => Query.TryGetValue("$limit", out var limit) ? int.Parse(limit, System.Globalization.CultureInfo.InvariantCulture) : null;

    public long? Offset => Query.TryGetValue("$offset", out var offset) ? long.Parse(offset, System.Globalization.CultureInfo.InvariantCulture) : null;
}
