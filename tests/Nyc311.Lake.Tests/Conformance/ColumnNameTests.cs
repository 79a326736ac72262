using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Lake.Tests.Support;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>
/// Delta allows any column name; data columns named like DuckDB's virtual columns (file_index, filename)
/// must not change which rows a table reads or which file a delete rewrites.
/// </summary>
public sealed class ColumnNameTests : IDisposable
{
    private readonly LakeFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    private DeltaTable Create(string column, DeltaType type, bool partitioned)
    {
        var schema = new StructType(new StructField(column, type), new StructField("v", DeltaType.Long), new StructField("k", DeltaType.String));
        var table = partitioned ? _lake.Create(column + "_p", schema, "k") : _lake.Create(column, schema);
        table.Append(_lake.Db, $"SELECT * FROM (VALUES (7, 70::BIGINT, 'a'), (8, 80, 'b'), (9, 90, 'b')) AS r(\"{column}\", v, k)");
        table.Append(_lake.Db, $"SELECT 10 AS \"{column}\", 100::BIGINT AS v, 'b' AS k");
        return table;
    }

    private List<string> Read(DeltaTable table, string column) =>
        _lake.Db.Query($"SELECT \"{column}\"::VARCHAR, v, k FROM ({table.SelectSql(_lake.Db)}) ORDER BY v", r => $"{r.GetString(0)}|{r.GetValue(1)}|{r.GetString(2)}");

    [Theory]
    [InlineData("file_index", true)]
    [InlineData("file_index", false)]
    [InlineData("filename", true)]
    [InlineData("filename", false)]
    public void Such_a_column_reads_back_and_a_delete_filtered_on_it_rewrites_the_right_file(string column, bool partitioned)
    {
        var table = Create(column, column == "filename" ? DeltaType.String : DeltaType.Long, partitioned);

        Read(table, column).ShouldBe(["7|70|a", "8|80|b", "9|90|b", "10|100|b"]);

        var deleted = table.Delete(_lake.Db, Predicate.Equal(column, column == "filename" ? "8" : 8L));

        deleted.RowsDeleted.ShouldBe(1);
        Read(table, column).ShouldBe(["7|70|a", "9|90|b", "10|100|b"]);
    }

    [Fact]
    public void A_partition_column_named_file_index_reads_back()
    {
        var table = _lake.Create("pk", new StructType(new StructField("v", DeltaType.Long), new StructField("file_index", DeltaType.String)), "file_index");
        table.Append(_lake.Db, "SELECT * FROM (VALUES (1::BIGINT, 'x'), (2, 'y'), (3, 'y')) AS r(v, file_index)");

        _lake.Db.Query($"SELECT v, file_index FROM ({table.SelectSql(_lake.Db)}) ORDER BY v", r => $"{r.GetValue(0)}|{r.GetString(1)}").ShouldBe(["1|x", "2|y", "3|y"]);
    }

    [Fact]
    public void A_partitioned_table_with_both_names_fails_clearly_instead_of_joining_wrong_rows()
    {
        var table = _lake.Create("both", new StructType(new StructField("file_index", DeltaType.Long), new StructField("filename", DeltaType.String), new StructField("k", DeltaType.String)), "k");
        table.Append(_lake.Db, "SELECT 1::BIGINT AS file_index, 'f' AS filename, 'a' AS k");

        Should.Throw<LakeException>(() => _lake.Db.Scalar($"SELECT count(*) FROM ({table.SelectSql(_lake.Db)})")).Message.ShouldContain("both 'file_index' and 'filename'");
    }
}
