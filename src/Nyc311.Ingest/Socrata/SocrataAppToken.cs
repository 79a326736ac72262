namespace Nyc311.Ingest.Socrata;

/// <summary>
/// The Socrata app token, read only from the environment variable <c>NYC311_APP_TOKEN</c> and sent
/// as the <c>X-App-Token</c> header. Its value never appears in <see cref="ToString"/>, logs or
/// exception messages.
/// </summary>
public sealed class SocrataAppToken
{
    /// <summary>The environment variable that holds the token.</summary>
    public const string EnvironmentVariable = "NYC311_APP_TOKEN";

    /// <summary>The header that carries the token.</summary>
    public const string HeaderName = "X-App-Token";

    private readonly string? value;

    private SocrataAppToken(string? value) => this.value = string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>No token: requests go out anonymously (Socrata throttles them harder).</summary>
    public static SocrataAppToken None { get; } = new(null);

    /// <summary>Whether there is a token to send.</summary>
    public bool IsPresent => value is not null;

    /// <summary>The token in <c>NYC311_APP_TOKEN</c>, or <see cref="None"/> when the variable is unset or blank.</summary>
    public static SocrataAppToken FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    internal static SocrataAppToken FromEnvironment(Func<string, string?> getVariable) => new(getVariable(EnvironmentVariable));

    internal static SocrataAppToken FromValue(string token) => new(token);

    /// <summary>Adds the header to a request when there is a token.</summary>
    internal void ApplyTo(HttpRequestMessage request)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(HeaderName, value);
        }
    }

    /// <summary>A description that never shows the value.</summary>
    public override string ToString() => IsPresent ? "SocrataAppToken(set, value hidden)" : "SocrataAppToken(none)";
}
