using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Quality;

/// <summary>
/// The quarantine as SQL: one row per rejected bronze row (every rejected version, not deduplicated), under the
/// first rejecting rule it failed by <see cref="QualityRules.All"/> priority, with every failed rule listed.
/// </summary>
public static class QuarantineSql
{
    /// <summary>The quarantine schema (<c>silver.quarantine</c>), in order. Suggested partition column: <c>_ingest_date</c>.</summary>
    public static IReadOnlyList<SqlColumn> Columns { get; } =
    [
        new("rule_id", SqlType.String, "Id of the first rejecting rule the row failed, by priority (DQ001)"),
        new("rule_name", SqlType.String, "That rule's name (missing_unique_key)"),
        new("reason", SqlType.String, "Why the row was rejected, naming the offending value"),
        new("failed_rules", SqlType.String, "Every rule the row failed (rejecting and warning), comma separated in priority order"),
        new("unique_key", SqlType.String, "unique_key as received, trimmed (may be missing or not a number)"),
        new("created_day", SqlType.Date, "New York calendar day of created_date when it parsed, else null"),
        new("raw_record", SqlType.String, "The bronze row as JSON text: every received field under its bronze name, plus _batch_id, _source, _dataset, _source_file, _source_line and _record_number"),
        new("_batch_id", SqlType.String, "Bronze batch the row came from"),
        new("_source", SqlType.String, "api, csv or json"),
        new("_dataset", SqlType.String, "Socrata dataset id"),
        new("_source_file", SqlType.String, "Source file, for file sources"),
        new("_source_line", SqlType.BigInt, "1-based line in the source file"),
        new("_record_number", SqlType.BigInt, "0-based position in the bronze batch"),
        new("_ingested_at", SqlType.Instant, "When the bronze batch was ingested (UTC)"),
        new("_ingest_date", SqlType.Date, "UTC date of _ingested_at"),
    ];

    /// <summary>The rejected rows of a checked relation (<see cref="SilverSql.CheckedColumns"/>); yields <see cref="Columns"/>.</summary>
    public static string Rejected(ISqlDialect dialect, string checkedRelation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(checkedRelation, nameof(checkedRelation));
        var names = string.Join(" ", QualityRules.All.Select(r => $"WHEN {dialect.StringLiteral(r.Id)} THEN {dialect.StringLiteral(r.Name)}"));
        return $"""
            SELECT
                c.dq_rule_id AS rule_id,
                CASE c.dq_rule_id {names} END AS rule_name,
                c.dq_reason AS reason,
                c.dq_failed_rules AS failed_rules,
                c.dq_raw_unique_key AS unique_key,
                c.created_day,
                c.dq_raw_record AS raw_record,
                c._batch_id,
                c._source,
                c._dataset,
                c._source_file,
                c._source_line,
                c._record_number,
                c._ingested_at,
                c._ingest_date
            FROM {checkedRelation} AS c
            WHERE c.dq_rule_id IS NOT NULL
            """;
    }
}
