using DuckDB.NET.Data;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Pipeline.Stages;

/// <summary>Opens the lake's silver and gold tables, creating each from the shape of the query that fills it.</summary>
internal static class PipelineTables
{
    /// <summary>Properties of the tables the pipeline creates: statistics on the columns lookups filter by.</summary>
    private static readonly Dictionary<string, string> SilverProperties = new()
    {
        ["delta.dataSkippingStatsColumns"] = "unique_key,created_date,created_day,complaint_type,borough,agency,socrata_updated_at,_batch_id,_ingested_at",
    };

    public static DeltaTable Ensure(LakeCatalog catalog, TimeProvider time, DuckDBConnection db, string name, string selectSql, IReadOnlyList<string> partitionBy, string description)
    {
        var path = catalog.PathOf(name);
        if (DeltaTable.Exists(path))
        {
            return DeltaTable.Open(path, catalog.Options, time);
        }

        var schema = new StructType(db.Describe(selectSql).Select(c => new StructField(c.Name, DuckDbTypes.ToDelta(c.Type))));
        var properties = name == Sql.PipelineRelations.Silver ? SilverProperties : new Dictionary<string, string>();
        return DeltaTable.OpenOrCreate(path, schema, new CreateTableOptions { PartitionColumns = partitionBy, Description = description, Properties = properties }, catalog.Options, time);
    }

    /// <summary>A DuckDB view <c>name</c> over a table's current snapshot, or over an empty relation of <paramref name="emptyShape"/> when the table does not exist yet.</summary>
    public static void View(LakeCatalog catalog, TimeProvider time, DuckDBConnection db, string name, string emptyShape)
    {
        var path = catalog.PathOf(name);
        if (DeltaTable.Exists(path))
        {
            DeltaTable.Open(path, catalog.Options, time).CreateView(db, name);
            return;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        db.Execute($"CREATE SCHEMA IF NOT EXISTS {name[..dot]}");
        db.Execute($"CREATE OR REPLACE VIEW {name} AS SELECT * FROM ({emptyShape}) LIMIT 0");
    }

    public static void Staging(DuckDBConnection db) => db.Execute("CREATE SCHEMA IF NOT EXISTS staging");
}
