using Microsoft.Extensions.DependencyInjection;
using Nyc311.Dashboard.Data;
using Nyc311.Dashboard.Tests.Fixtures;

namespace Nyc311.Dashboard.Tests.Data;

/// <summary>Lineage over the lake a real (small) pipeline run made.</summary>
public sealed class LineageTests(DashboardLake lake)
{
    [Fact]
    public async Task An_incident_leads_to_its_silver_rows_and_the_bronze_batches_and_records_they_came_from()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        DashboardApp.AddDashboard(services, new DashboardOptions { LakeRoot = lake.Root, Port = 0, ConsoleLogging = false });
        using var provider = services.BuildServiceProvider();
        var data = provider.GetRequiredService<DashboardData>();
        var incident = lake.Incidents.BoroughSpike;

        var lineage = await data.LineageAsync(incident, wholeWindow: false);

        lineage.Rows.ShouldBe((long)incident.Observed);
        lineage.Sample.Count.ShouldBe((int)Math.Min(lineage.Rows, DashboardData.LineageSample));
        lineage.Sample.ShouldAllBe(r => r.ComplaintType == incident.ComplaintType && r.Borough == incident.Borough && DateOnly.FromDateTime(r.Created!.Value) == incident.PeakDate);
        lineage.Batches.Sum(b => b.RowsBehind).ShouldBe(lineage.Rows);
        lineage.Batches.ShouldAllBe(b => b.Source == "csv" && b.BatchRows >= b.RowsBehind);

        var row = lineage.Sample[0];
        var record = await data.BronzeRecordAsync(row.BatchId!, row.RecordNumber!.Value, row.IngestedAt);
        record.ShouldContain(("unique_key", row.UniqueKey));
        record.ShouldContain(("_batch_id", row.BatchId!));

        // The same question again is answered from the cache for these versions of silver and bronze.
        (await data.LineageAsync(incident, wholeWindow: false)).ShouldBeSameAs(lineage);
    }
}
