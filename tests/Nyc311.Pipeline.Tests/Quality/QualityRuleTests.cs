using System.Text.Json;
using Nyc311.Pipeline.Quality;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Tests.Quality;

public sealed class QualityRuleTests(BadRecords records) : IClassFixture<BadRecords>
{
    [Theory]
    [InlineData("DQ001 a", "DQ001", "unique_key is missing")]
    [InlineData("DQ001 b", "DQ001", "unique_key is missing")]
    [InlineData("DQ008 a", "DQ008", "unique_key \"54O49402\" is not an integer of 1 to 18 digits")]
    [InlineData("DQ008 b", "DQ008", "unique_key \"12.5\" is not an integer of 1 to 18 digits")]
    [InlineData("DQ002 a", "DQ002", "created_date \"2022-13-45T00:00:00.000\" is not a timestamp in a known format")]
    [InlineData("DQ002 b", "DQ002", "created_date is missing")]
    [InlineData("DQ003 a", "DQ003", "created_date \"2026-08-10T21:00:01.000\" is later than the as-of time 2026-08-10 21:00:00 New York time (tolerance 60 minutes included)")]
    [InlineData("DQ007 a", "DQ007", "closed_date \"yesterday\" is not a timestamp in a known format")]
    [InlineData("DQ004 a", "DQ004", "closed_date \"2022-05-01T09:00:00.000\" is before created_date \"2022-05-01T10:00:00.000\"")]
    [InlineData("DQ004 b", "DQ004", "closed_date \"01/01/1900 12:00:00 AM\" is before created_date \"2022-05-01T10:00:00.000\"")]
    [InlineData("DQ009 a", "DQ009", "complaint_type is missing")]
    [InlineData("DQ006 a", "DQ006", "borough \"Unspecified\" names no borough, and neither incident_zip \"07030\" nor park_borough \"Unspecified\" recovers one")]
    [InlineData("DQ010 a", "DQ010", "latitude \"40.7x\" and longitude \"-73.9900\" are not both numbers")]
    [InlineData("DQ010 b", "DQ010", "location \"(n/a)\" holds no coordinates")]
    [InlineData("DQ005 a", "DQ005", "latitude \"0\", longitude \"0\" lies outside New York City (latitude 40.49 to 40.92, longitude -74.26 to -73.69)")]
    [InlineData("DQ005 b", "DQ005", "location \"{\"type\":\"Point\",\"coordinates\":[-75.16,39.95]}\" lies outside New York City (latitude 40.49 to 40.92, longitude -74.26 to -73.69)")]
    public void Each_rejecting_rule_quarantines_its_row_with_a_reason_naming_the_value(string marker, string ruleId, string reason)
    {
        var row = records.Quarantined(marker);

        row.Get<string>("rule_id").ShouldBe(ruleId);
        row.Get<string>("rule_name").ShouldBe(QualityRules.Find(ruleId)!.Name);
        row.Get<string>("reason").ShouldBe(reason);
        row.Get<string>("failed_rules").ShouldBe(ruleId);
    }

    [Theory]
    [InlineData("DQ009+DQ005", "DQ009", "DQ009,DQ005")]
    [InlineData("DQ004+DQ011", "DQ004", "DQ004,DQ011")]
    public void A_row_failing_several_rules_is_quarantined_once_under_the_first_by_priority(string marker, string ruleId, string failedRules)
    {
        var row = records.Quarantined(marker);

        row.Get<string>("rule_id").ShouldBe(ruleId);
        row.Get<string>("failed_rules").ShouldBe(failedRules);
    }

    [Theory]
    [InlineData("DQ011 a", "DQ011", "due_date")]
    [InlineData("DQ012 a", "DQ012", "resolution_action_updated_date")]
    [InlineData("DQ013 a", "DQ013", "incident_zip")]
    public void A_warning_keeps_the_row_in_silver_with_the_value_null_and_the_rule_listed(string marker, string ruleId, string column)
    {
        var row = records.Accepted(marker);

        row[column].ShouldBeNull();
        row.Get<string>("dq_warnings").ShouldBe(ruleId);
    }

    [Theory]
    [InlineData("valid just before the future limit")]
    [InlineData("valid closed when created")]
    public void Values_at_the_limits_of_a_rule_pass(string marker)
    {
        records.Accepted(marker)["dq_warnings"].ShouldBeNull();
    }

    [Fact]
    public void The_quarantine_keeps_the_bronze_row_as_json_and_its_lineage()
    {
        var row = records.Quarantined("DQ008 a");

        row.Get<string>("unique_key").ShouldBe("54O49402");
        row.Get<DateOnly>("created_day").ShouldBe(new DateOnly(2022, 5, 1));
        row.Get<string>("_batch_id").ShouldBe("bad");
        row.Get<string>("_source_file").ShouldBe("bad.csv");
        row.Get<long>("_source_line").ShouldBe(4);
        row.Get<long>("_record_number").ShouldBe(2);
        row.Get<DateTime>("_ingested_at").ShouldBe(BadRecords.Batch.IngestedAt.UtcDateTime);
        row.Get<DateOnly>("_ingest_date").ShouldBe(new DateOnly(2026, 8, 10));

        using var json = JsonDocument.Parse(row.Get<string>("raw_record"));
        var raw = json.RootElement;
        raw.GetProperty("unique_key").GetString().ShouldBe("54O49402");
        raw.GetProperty("created_date").GetString().ShouldBe("2022-05-01T10:00:00.000");
        raw.GetProperty("latitude").GetString().ShouldBe("40.6940");
        raw.GetProperty("vehicle_type").ValueKind.ShouldBe(JsonValueKind.Null);
        raw.GetProperty("_batch_id").GetString().ShouldBe("bad");
        raw.GetProperty("_record_number").GetInt64().ShouldBe(2);
        raw.EnumerateObject().Count().ShouldBe(SilverSql.BronzeColumns.Count - 2);
    }

    [Fact]
    public void Accepted_rows_carry_no_raw_record()
    {
        records.Db.Scalar<long>($"SELECT COUNT(*) FROM {PipelineRelations.Checked} WHERE dq_rule_id IS NULL AND dq_raw_record IS NOT NULL").ShouldBe(0);
    }

    [Fact]
    public void The_quality_summary_counts_rows_in_rejected_and_out()
    {
        var summary = records.Db.Query(QualitySql.Summary(SqlDialects.DuckDb, PipelineRelations.Checked)).Single();

        summary.Get<long>("rows_in").ShouldBe(BadRecords.Count);
        summary.Get<long>("rows_rejected").ShouldBe(18);
        summary.Get<long>("rows_superseded").ShouldBe(0);
        summary.Get<long>("rows_out").ShouldBe(5);
        summary.Get<long>("rows_with_warnings").ShouldBe(3);
    }

    [Fact]
    public void The_rule_counts_list_every_rule_in_priority_order_with_zeros()
    {
        var counts = records.Db.Query(QualitySql.RuleCounts(SqlDialects.DuckDb, PipelineRelations.Checked));

        counts.Select(r => r.Get<string>("rule_id")).ShouldBe(QualityRules.All.Select(r => r.Id));
        counts.Select(r => r.Get<int>("priority")).ShouldBe(Enumerable.Range(1, QualityRules.All.Count));
        var byRule = counts.ToDictionary(r => r.Get<string>("rule_id"), r => (Quarantined: r.Get<long>("rows_quarantined"), Failed: r.Get<long>("rows_failed")));
        byRule.ShouldBe(new Dictionary<string, (long, long)>
        {
            ["DQ001"] = (2, 2),
            ["DQ008"] = (2, 2),
            ["DQ002"] = (2, 2),
            ["DQ003"] = (1, 1),
            ["DQ007"] = (1, 1),
            ["DQ004"] = (3, 3),
            ["DQ009"] = (2, 2),
            ["DQ006"] = (1, 1),
            ["DQ010"] = (2, 2),
            ["DQ005"] = (2, 3),
            ["DQ011"] = (0, 2),
            ["DQ012"] = (0, 1),
            ["DQ013"] = (0, 1),
        });
        counts.Sum(r => r.Get<long>("rows_quarantined")).ShouldBe(18);
        counts.Single(r => r.Get<string>("rule_id") == "DQ011").Get<string>("severity").ShouldBe("warn");
    }
}
