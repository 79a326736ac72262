using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Tests.Support;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>String partition values this layer writes read back as written (Delta reads them from the log, not from folder names).</summary>
public sealed class PartitionValueRoundTripTests : IDisposable
{
    private static readonly StructType Schema = new(new StructField("id", DeltaType.Long, Nullable: false), new StructField("k", DeltaType.String));

    private readonly LakeFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    private List<string> RoundTrip(string values)
    {
        var table = _lake.Create("t", Schema, "k");
        table.Append(_lake.Db, $"SELECT * FROM (VALUES {values}) AS v(id, k)");
        using var validator = new DeltaLogValidator(ValidationLevel.OwnWriter);
        validator.Validate(table.Path).ShouldBeEmpty();
        return _lake.Db.Query($"SELECT id, k FROM ({table.SelectSql(_lake.Db)}) ORDER BY id", r => $"{r.GetValue(0)}={(r.IsDBNull(1) ? "<null>" : r.GetString(1))}");
    }

    [Fact]
    public void Null_and_empty_partition_values_read_back_as_null_and_others_unchanged()
    {
        // Delta serializes an empty partition value as null, so '' cannot survive, by the protocol.
        RoundTrip("(1::BIGINT, NULL::VARCHAR), (2, ''), (3, 'a b/c%d=e'), (4, 'Ünïcode ✓')")
            .ShouldBe(["1=<null>", "2=<null>", "3=a b/c%d=e", "4=Ünïcode ✓"]);
    }

    [Fact]
    public void A_string_partition_value_spelled_NULL_reads_back_as_that_string()
    {
        RoundTrip("(1::BIGINT, 'NULL'), (2, '__HIVE_DEFAULT_PARTITION__'), (3, NULL)")
            .ShouldBe(["1=NULL", "2=__HIVE_DEFAULT_PARTITION__", "3=<null>"]);
    }
}
