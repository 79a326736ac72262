namespace Nyc311.Pipeline.Sql;

/// <summary>
/// The gold tables as SQL, each recomputable for the days a run touched. Every statement reads silver rows
/// (<see cref="SilverSql.Columns"/>; only the columns it names) and a relation of touched days with one
/// <c>DATE</c> column named <c>date</c>. Statements filter silver by <c>created_day</c> and also by the
/// partition column <c>created_month</c>, so an engine with dynamic partition pruning reads only those months.
/// </summary>
public static partial class GoldSql
{
    /// <summary>The value a rolled-up column carries in gold (<c>(all)</c>).</summary>
    public const string AllValues = "(all)";

    /// <summary>The one column of a touched-days relation.</summary>
    public static IReadOnlyList<SqlColumn> DatesColumns { get; } = [new("date", SqlType.Date, "A New York calendar day (a keyword: quote it)")];

    /// <summary>
    /// The created days present in a relation with silver columns (for example the rows a merge inserted and
    /// the rows it replaced: both their days change); yields <see cref="DatesColumns"/>.
    /// </summary>
    public static string TouchedDates(ISqlDialect dialect, string silverRelation)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        SqlText.Relation(silverRelation, nameof(silverRelation));
        return $"""
            SELECT DISTINCT s.created_day AS {dialect.QuoteIdentifier("date")}
            FROM {silverRelation} AS s
            WHERE s.created_day IS NOT NULL
            """;
    }

    private static string Months(ISqlDialect d, string datesCte, string dateColumn) =>
        $"SELECT DISTINCT {d.MonthStart(dateColumn)} FROM {datesCte}";
}
