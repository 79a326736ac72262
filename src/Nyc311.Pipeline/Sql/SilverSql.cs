namespace Nyc311.Pipeline.Sql;

/// <summary>
/// The silver transform as SQL: bronze strings to typed, standardized, checked rows (<see cref="Checked"/>), the
/// accepted latest version of each request (<see cref="Accepted"/>), and the version order used when merging
/// (<see cref="Deduplicate"/>). Every method returns one SELECT statement; relation names may be tables, views
/// or parenthesized queries.
/// </summary>
public static partial class SilverSql
{
    /// <summary>
    /// The order that makes one version of a request newer than another, most significant first: Socrata's
    /// <c>:updated_at</c> (a known update time beats none), then the ingest time, then the position in the batch,
    /// then the batch id (only to make ties deterministic).
    /// </summary>
    public static IReadOnlyList<string> VersionOrder { get; } = ["socrata_updated_at", "_ingested_at", "_record_number", "_batch_id"];

    /// <summary>
    /// Every row of <paramref name="bronzeRelation"/> (which must have <see cref="BronzeColumns"/>; see
    /// <see cref="ProjectBronze"/>) typed, standardized and checked against <see cref="Quality.QualityRules"/>:
    /// yields <see cref="CheckedColumns"/>, one row per bronze row (no deduplication). Joins the reference
    /// relations named in <paramref name="options"/>.
    /// </summary>
    public static string Checked(ISqlDialect dialect, string bronzeRelation, SilverOptions options)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(options);
        SqlText.Relation(bronzeRelation, nameof(bronzeRelation));
        if (options.FutureTolerance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FutureTolerance, "The future tolerance cannot be negative.");
        }

        return CheckedStatement.Render(dialect, bronzeRelation, options);
    }

    /// <summary>
    /// The silver rows of a checked relation (<see cref="CheckedColumns"/>): rows no rejecting rule failed,
    /// one per <c>unique_key</c>, the latest by <see cref="VersionOrder"/>; yields <see cref="Columns"/>.
    /// </summary>
    public static string Accepted(ISqlDialect dialect, string checkedRelation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(checkedRelation, nameof(checkedRelation));
        return Deduplicate(dialect, $"(SELECT * FROM {checkedRelation} AS c WHERE c.dq_rule_id IS NULL)");
    }

    /// <summary>
    /// The latest version of each request in any relation with the silver <see cref="Columns"/> (for example
    /// the existing silver rows of the keys a batch touches, unioned with the batch's accepted rows), by
    /// <see cref="VersionOrder"/>; yields <see cref="Columns"/>.
    /// </summary>
    public static string Deduplicate(ISqlDialect dialect, string silverRelation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(silverRelation, nameof(silverRelation));
        var columns = SqlText.List(Columns.Select(c => c.Name));
        var order = string.Join(", ", VersionOrder.Select(c => $"{c} DESC NULLS LAST"));
        return $"""
            SELECT
                {columns}
            FROM (
                SELECT s.*, row_number() OVER (PARTITION BY s.unique_key ORDER BY {order}) AS version_rank
                FROM {silverRelation} AS s
            ) AS ranked
            WHERE version_rank = 1
            """;
    }
}
