using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nyc311.Ingest.Socrata;
using Nyc311.Ingest.Tests.Support;

namespace Nyc311.Ingest.Tests.Socrata;

public sealed class SocrataOptionsTests
{
    [Fact]
    public void Defaults_point_at_NYC_Open_Data_with_the_largest_page()
    {
        var options = new SocrataOptions();

        options.ShouldSatisfyAllConditions(
            o => o.BaseUrl.ShouldBe(new Uri("https://data.cityofnewyork.us")),
            o => o.CurrentDataset.ShouldBe("erm2-nwe9"),
            o => o.HistoricalDataset.ShouldBe("76ig-c548"),
            o => o.CurrentDatasetStartsOn.ShouldBe(new DateOnly(2020, 1, 1)),
            o => o.PageSize.ShouldBe(50_000),
            o => o.Overlap.ShouldBe(TimeSpan.FromHours(1)),
            o => o.InitialLookback.ShouldBe(TimeSpan.FromDays(7)));
    }

    [Fact]
    public async Task A_client_refuses_invalid_settings()
    {
        await using var harness = await SocrataHarness.StartAsync();

        var error = Should.Throw<OptionsValidationException>(() => harness.Client(o =>
        {
            o.PageSize = 50_001;
            o.CurrentDataset = "not a dataset";
            o.BaseDelay = TimeSpan.FromSeconds(10);
            o.MaxDelay = TimeSpan.FromSeconds(1);
        }));

        error.Failures.Count().ShouldBe(2);
        error.Message.ShouldContain("PageSize");
        error.Message.ShouldContain("CurrentDataset");
    }

    [Fact]
    public void Dependency_injection_binds_the_Socrata_section_and_validates_it_at_start()
    {
        using var valid = Provider(new() { ["Socrata:PageSize"] = "500", ["Socrata:Overlap"] = "02:00:00", ["Socrata:CurrentDatasetStartsOn"] = "2020-01-01" });
        using var invalid = Provider(new() { ["Socrata:PageSize"] = "60000" });

        valid.GetRequiredService<IStartupValidator>().Validate();
        valid.GetRequiredService<IOptions<SocrataOptions>>().Value.ShouldSatisfyAllConditions(
            o => o.PageSize.ShouldBe(500),
            o => o.Overlap.ShouldBe(TimeSpan.FromHours(2)));
        valid.GetRequiredService<SocrataClient>().ShouldNotBeNull();
        Should.Throw<OptionsValidationException>(() => invalid.GetRequiredService<IStartupValidator>().Validate()).Message.ShouldContain("PageSize");
    }

    [Fact]
    public void Cross_field_rules_are_checked_too()
    {
        using var provider = Provider(new() { ["Socrata:BaseUrl"] = "ftp://example.org", ["Socrata:HistoricalDataset"] = "erm2-nwe9" });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        error.Message.ShouldContain("BaseUrl must be an absolute http or https URL");
        error.Message.ShouldContain("CurrentDataset and HistoricalDataset must differ");
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSocrataClient(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
