using Nyc311.Lake;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Sql;

namespace Nyc311.Dashboard.Data;

/// <summary>One silver run as its quality report tells it.</summary>
internal sealed record RunSummary(string RunId, DateTimeOffset? ReportedAt, long BronzeFrom, long BronzeTo, long RowsIn, long Rejected, long Superseded, long Out);

/// <summary>Rows a data-quality rule sent to quarantine, and the last day it did.</summary>
internal sealed record RuleQuarantine(string RuleId, string RuleName, long Rows, DateOnly? LastIngestDate);

/// <summary>Rows quarantined for requests created on a day, by rule.</summary>
internal sealed record QuarantineDay(DateOnly Day, string RuleId, long Rows);

/// <summary>The data health page.</summary>
internal sealed record HealthData(IReadOnlyList<TableInfo> Tables, IReadOnlyList<RunSummary> Runs, IReadOnlyList<RuleQuarantine> Rules, IReadOnlyList<QuarantineDay> ByDay, ModelCatalog Models, Freshness Freshness);

internal sealed partial class DashboardData
{
    public async Task<HealthData> HealthAsync()
    {
        var tables = await Task.Run(lake.All);
        var reports = await mirror.GetAsync(Mirrors.QualityReports);
        var quarantine = await mirror.GetAsync(Mirrors.QuarantineCounts);
        var key = $"health|{reports.Source.VersionKey}|{quarantine.Source.VersionKey}";
        var summary = await cache.GetOrAdd(key, () => mirror.Read(db =>
        {
            var runs = db.Query(
                $"""
                SELECT run_id, max(reported_at), max(bronze_from_version), max(bronze_to_version), max(rows_in), max(rows_rejected), max(rows_superseded), max(rows_out)
                FROM {reports.Sql} GROUP BY run_id ORDER BY 2 DESC LIMIT 30
                """,
                r => new RunSummary(r.GetString(0), DbValues.Instant(r, 1), DbValues.Long(r, 2), DbValues.Long(r, 3), DbValues.Long(r, 4), DbValues.Long(r, 5), DbValues.Long(r, 6), DbValues.Long(r, 7)));
            var rules = db.Query(
                $"SELECT rule_id, any_value(rule_name), sum(quarantined), max(ingest_date) FROM {quarantine.Sql} GROUP BY rule_id ORDER BY 3 DESC, 1",
                r => new RuleQuarantine(r.GetString(0), DbValues.String(r, 1) ?? "", DbValues.Long(r, 2), DbValues.NullableDate(r, 3)));
            var byDay = db.Query(
                $"""
                SELECT created_day, rule_id, sum(quarantined) FROM {quarantine.Sql}
                WHERE created_day IS NOT NULL AND created_day > (SELECT max(created_day) - 90 FROM {quarantine.Sql})
                GROUP BY ALL ORDER BY 1, 2
                """,
                r => new QuarantineDay(DbValues.Date(r, 0), r.GetString(1), DbValues.Long(r, 2)));
            return new Box<(IReadOnlyList<RunSummary>, IReadOnlyList<RuleQuarantine>, IReadOnlyList<QuarantineDay>)>((runs, rules, byDay));
        }));
        var (runs, rules, byDay) = summary.Value;
        var modelCatalog = await Task.Run(models.Read);
        return new HealthData(tables, runs, rules, byDay, modelCatalog, await FreshnessAsync(await ExtentAsync()));
    }

    /// <summary>A table's commits, newest first (empty when it does not exist).</summary>
    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string table, int limit = 25)
    {
        var info = Table(table);
        return cache.GetOrAdd<IReadOnlyList<HistoryEntry>>($"history|{info.VersionKey}|{limit}", () =>
            info.State is TableState.Missing or TableState.Unreadable ? [] : DeltaTable.Open(lake.Catalog.PathOf(table), lake.Catalog.Options, lake.Time).History(limit));
    }
}
