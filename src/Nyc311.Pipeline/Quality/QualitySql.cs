using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Quality;

/// <summary>The quality report of one checked relation: totals (<see cref="Summary"/>) and counts per rule (<see cref="RuleCounts"/>).</summary>
public static class QualitySql
{
    /// <summary>The columns of <see cref="Summary"/>: one row.</summary>
    public static IReadOnlyList<SqlColumn> SummaryColumns { get; } =
    [
        new("rows_in", SqlType.BigInt, "Bronze rows checked"),
        new("rows_rejected", SqlType.BigInt, "Rows quarantined (failed at least one rejecting rule)"),
        new("rows_superseded", SqlType.BigInt, "Accepted rows dropped because a later version of the same unique_key was accepted"),
        new("rows_out", SqlType.BigInt, "Silver rows produced: accepted distinct unique_keys (rows_in = rows_rejected + rows_superseded + rows_out)"),
        new("rows_with_warnings", SqlType.BigInt, "Accepted rows that failed a warning rule"),
    ];

    /// <summary>The columns of <see cref="RuleCounts"/>: one row per catalog rule, in priority order.</summary>
    public static IReadOnlyList<SqlColumn> RuleCountsColumns { get; } =
    [
        new("rule_id", SqlType.String, "Rule id"),
        new("rule_name", SqlType.String, "Rule name"),
        new("severity", SqlType.String, "reject or warn"),
        new("priority", SqlType.Int, "Position in the catalog, 1 first"),
        new("rows_quarantined", SqlType.BigInt, "Rows quarantined under this rule (their first rejecting rule); sums to rows_rejected"),
        new("rows_failed", SqlType.BigInt, "Rows that failed this rule at all, whatever else they failed"),
    ];

    /// <summary>Totals of a checked relation (<see cref="SilverSql.CheckedColumns"/>); yields <see cref="SummaryColumns"/>.</summary>
    public static string Summary(ISqlDialect dialect, string checkedRelation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(checkedRelation, nameof(checkedRelation));
        return $"""
            SELECT
                COUNT(*) AS rows_in,
                COUNT(c.dq_rule_id) AS rows_rejected,
                COUNT(CASE WHEN c.dq_rule_id IS NULL THEN 1 END) - COUNT(DISTINCT CASE WHEN c.dq_rule_id IS NULL THEN c.unique_key END) AS rows_superseded,
                COUNT(DISTINCT CASE WHEN c.dq_rule_id IS NULL THEN c.unique_key END) AS rows_out,
                COUNT(CASE WHEN c.dq_rule_id IS NULL AND c.dq_warnings IS NOT NULL THEN 1 END) AS rows_with_warnings
            FROM {checkedRelation} AS c
            """;
    }

    /// <summary>Counts per catalog rule of a checked relation, zeros included; yields <see cref="RuleCountsColumns"/>.</summary>
    public static string RuleCounts(ISqlDialect dialect, string checkedRelation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(checkedRelation, nameof(checkedRelation));
        var catalog = dialect.InlineTable(
            "r",
            ["rule_id", "rule_name", "severity", "priority"],
            [.. QualityRules.All.Select((rule, i) => (IReadOnlyList<string>)
            [
                dialect.StringLiteral(rule.Id),
                dialect.StringLiteral(rule.Name),
                dialect.StringLiteral(rule.Severity.ToString().ToLowerInvariant()),
                SqlText.Int(i + 1),
            ])]);
        var bigint = dialect.TypeName(SqlType.BigInt);
        // Failing rows are grouped by verdict first (few distinct combinations), so the catalog is matched against
        // those groups rather than every row. Rule ids have one width (DQnnn): a substring match cannot confuse two.
        return $"""
            WITH verdicts AS (
                SELECT c.dq_rule_id, c.dq_failed_rules, COUNT(*) AS row_count
                FROM {checkedRelation} AS c
                WHERE c.dq_failed_rules IS NOT NULL
                GROUP BY c.dq_rule_id, c.dq_failed_rules
            )
            SELECT
                r.rule_id,
                r.rule_name,
                r.severity,
                CAST(r.priority AS {dialect.TypeName(SqlType.Int)}) AS priority,
                CAST(COALESCE(SUM(CASE WHEN v.dq_rule_id = r.rule_id THEN v.row_count END), 0) AS {bigint}) AS rows_quarantined,
                CAST(COALESCE(SUM(v.row_count), 0) AS {bigint}) AS rows_failed
            FROM {catalog}
            LEFT JOIN verdicts AS v ON v.dq_failed_rules LIKE '%' || r.rule_id || '%'
            GROUP BY r.rule_id, r.rule_name, r.severity, r.priority
            ORDER BY r.priority
            """;
    }
}
