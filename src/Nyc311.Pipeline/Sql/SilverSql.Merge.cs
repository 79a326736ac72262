namespace Nyc311.Pipeline.Sql;

public static partial class SilverSql
{
    /// <summary>
    /// The condition under which a source row replaces the silver row with the same key in a
    /// <c>MERGE</c> (Spark: <c>WHEN MATCHED AND ...</c>): a newer Socrata <c>:updated_at</c> wins, and a
    /// known one beats none; between rows without one (file sources), the later ingest wins. A row
    /// fetched again with the same <c>:updated_at</c> changes nothing, so overlapping loads cause no rewrites.
    /// </summary>
    /// <param name="source">Alias of the incoming rows.</param>
    /// <param name="target">Alias of the silver rows.</param>
    public static string MergeCondition(string source = "s", string target = "t") => $"""
        CASE
            WHEN {source}.socrata_updated_at IS NOT NULL AND {target}.socrata_updated_at IS NOT NULL
                THEN {source}.socrata_updated_at > {target}.socrata_updated_at
            WHEN {source}.socrata_updated_at IS NOT NULL THEN TRUE
            WHEN {target}.socrata_updated_at IS NOT NULL THEN FALSE
            WHEN {source}._ingested_at <> {target}._ingested_at THEN {source}._ingested_at > {target}._ingested_at
            WHEN {source}._record_number <> {target}._record_number THEN {source}._record_number > {target}._record_number
            ELSE {source}._batch_id > {target}._batch_id
        END
        """;
}
