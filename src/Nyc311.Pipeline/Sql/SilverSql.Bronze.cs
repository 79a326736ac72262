using Nyc311.Domain;

namespace Nyc311.Pipeline.Sql;

public static partial class SilverSql
{
    /// <summary>The Socrata system fields as bronze names them (<c>:id</c>, <c>:created_at</c>, <c>:updated_at</c>).</summary>
    private static readonly string[] SocrataColumns = ["socrata_id", "socrata_created_at", "socrata_updated_at"];

    /// <summary>
    /// The bronze columns the silver statement reads, in order: every field of the CSV export under its API name,
    /// the Socrata system fields (all strings as received), then the ingest metadata. A batch may lack any of the
    /// received fields; <see cref="ProjectBronze"/> fills those with NULL.
    /// </summary>
    public static IReadOnlyList<SqlColumn> BronzeColumns { get; } =
    [
        .. ServiceRequestFields.CsvExport.Select(f => new SqlColumn(f.ApiName, SqlType.String, $"\"{f.CsvHeader}\" exactly as received")),
        new("socrata_id", SqlType.String, "Socrata :id (API only)"),
        new("socrata_created_at", SqlType.String, "Socrata :created_at, an ISO 8601 instant (API only)"),
        new("socrata_updated_at", SqlType.String, "Socrata :updated_at, an ISO 8601 instant (API only)"),
        new("_batch_id", SqlType.String, "Deterministic id of the ingest batch"),
        new("_source", SqlType.String, "api, csv or json"),
        new("_dataset", SqlType.String, "Socrata dataset id, or null for files of unknown origin"),
        new("_source_file", SqlType.String, "File name for file sources"),
        new("_source_line", SqlType.BigInt, "1-based line where the record starts, for file sources"),
        new("_record_number", SqlType.BigInt, "0-based position of the record in its batch"),
        new("_ingested_at", SqlType.Instant, "When the batch was ingested (UTC)"),
        new("_ingest_date", SqlType.Date, "UTC date of _ingested_at (bronze partition)"),
    ];

    /// <summary>
    /// A SELECT over <paramref name="bronzeRelation"/> that yields exactly <see cref="BronzeColumns"/>: the columns in
    /// <paramref name="availableColumns"/> (cast to their bronze type), typed NULLs for the others. Columns of the
    /// relation outside <see cref="BronzeColumns"/> (fields added later by schema evolution) are left out.
    /// </summary>
    public static string ProjectBronze(ISqlDialect dialect, string bronzeRelation, IEnumerable<string> availableColumns)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(availableColumns);
        SqlText.Relation(bronzeRelation, nameof(bronzeRelation));
        var available = new HashSet<string>(availableColumns, StringComparer.OrdinalIgnoreCase);
        var items = BronzeColumns.Select(c => available.Contains(c.Name)
            ? $"CAST(b.{dialect.QuoteIdentifier(c.Name)} AS {dialect.TypeName(c.Type)}) AS {c.Name}"
            : $"{dialect.Null(c.Type)} AS {c.Name}");
        return $"SELECT\n    {SqlText.List(items)}\nFROM {bronzeRelation} AS b";
    }

    private static bool IsReceivedField(SqlColumn column) => !column.Name.StartsWith('_');
}
