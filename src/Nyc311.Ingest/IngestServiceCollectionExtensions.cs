using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nyc311.Ingest.Socrata;

namespace Nyc311.Ingest;

/// <summary>Registers ingestion services.</summary>
public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SocrataClient"/> as a typed HTTP client: <see cref="SocrataOptions"/>
    /// bound from the section <c>Socrata</c> and validated at start, the app token from
    /// <c>NYC311_APP_TOKEN</c>, <see cref="TimeProvider.System"/> unless a clock is already
    /// registered, gzip accepted, and every header value redacted in HTTP logs.
    /// </summary>
    public static IServiceCollection AddSocrataClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SocrataOptions>()
            .Bind(configuration.GetSection(SocrataOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => SocrataAppToken.FromEnvironment());
        services.AddHttpClient<SocrataClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
            .RedactLoggedHeaders(static _ => true);
        return services;
    }
}
