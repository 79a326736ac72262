using System.Globalization;
using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>
/// File skipping never skips a file holding a matching row: random rows written in several appends,
/// random predicates (comparisons, IN, null tests, AND/OR/NOT over data and partition columns); no row of a
/// file <c>FilesFor</c> skips matches, and a filtered select counts what a filtered full scan counts.
/// </summary>
public sealed class FileSkippingPropertyTests
{
    private static readonly StructType Schema = new(
        new StructField("id", DeltaType.Long, Nullable: false),
        new StructField("cat", DeltaType.String),
        new StructField("score", DeltaType.Integer),
        new StructField("price", DeltaType.Double),
        new StructField("ratio", DeltaType.Float),
        new StructField("day", DeltaType.Date),
        new StructField("at", DeltaType.TimestampNtz),
        new StructField("label", DeltaType.String));

    // Long labels share a prefix longer than the 32 code points stats keep; "～" (U+FF5E) sorts before "😀" (U+1F600)
    // by code point but after it in UTF-16, which is the order a naive string comparison would use.
    private static readonly string[] Labels =
    [
        "a", "zz", "～", "😀", "é", "0123456789abcdefghijklmnopqrstuvwxyz-1", "0123456789abcdefghijklmnopqrstuvwxyz-2", "0123456789abcdefghijklmnopqrstuvw",
    ];

    private static readonly string?[] Categories = ["a", "b", "c", null];

    // Ratios are tenths, which a float cannot hold exactly.
    private static readonly Gen<Row> RowGen = Gen.Select(
        Gen.Long[-50, 50],
        Gen.Int[0, Categories.Length - 1],
        Gen.Int[-6, 5],
        Gen.Int[-21, 20],
        Gen.Int[-11, 10],
        Gen.Int[0, 5],
        Gen.Long[-1, 3_000_000],
        Gen.Int[-1, Labels.Length - 1],
        (id, cat, score, price, ratio, day, at, label) => new Row(
            id,
            Categories[cat],
            score == -6 ? null : score,
            price == -21 ? null : price / 4.0,
            ratio == -11 ? null : ratio / 10f,
            new DateOnly(2022, 5, 1).AddDays(day),
            at < 0 ? null : new DateTime(2022, 5, 1).AddTicks(at * 10),
            label < 0 ? null : Labels[label]));

    private static readonly (string Column, Gen<object> Literal)[] Literals =
    [
        ("id", Gen.Long[-55, 55].Select(v => (object)v)),
        ("cat", Gen.OneOf("a", "b", "c", "d").Select(v => (object)v)),
        ("score", Gen.Int[-6, 6].Select(v => (object)v)),
        ("price", Gen.Int[-22, 22].Select(v => (object)(v / 4.0))),
        ("ratio", Gen.Select(Gen.Int[-11, 11], Gen.Bool, (v, asFloat) => asFloat ? (object)(v / 10f) : v / 10.0)),
        ("day", Gen.Int[-1, 6].Select(v => (object)new DateOnly(2022, 5, 1).AddDays(v))),
        ("at", Gen.Long[-10, 3_000_010].Select(v => (object)new DateTime(2022, 5, 1).AddTicks(v * 10))),
        ("label", Gen.Int[0, Labels.Length - 1].Select(v => (object)Labels[v])),
    ];

    private static readonly Gen<Predicate> LeafGen = Gen.Frequency(
        (4, Gen.Int[0, Literals.Length - 1].SelectMany(c => Gen.Select(Literals[c].Literal, Gen.Int[0, 5], (value, op) => (Predicate)new ComparisonPredicate(Literals[c].Column, (ComparisonOperator)op, value)))),
        (1, Gen.Int[0, Literals.Length - 1].SelectMany(c => Literals[c].Literal.Array[1, 3].Select(values => Predicate.In(Literals[c].Column, values)))),
        (1, Gen.Select(Gen.Int[0, Literals.Length - 1], Gen.Bool, (c, isNull) => isNull ? Predicate.IsNull(Literals[c].Column) : Predicate.IsNotNull(Literals[c].Column))));

    private static readonly Gen<Predicate> PredicateGen = Tree(2);

    [Fact]
    public void No_skipped_file_holds_a_matching_row()
    {
        Gen.Select(RowGen.Array[1, 40], Gen.Int[1, 4], PredicateGen.Array[40]).Sample((rows, appends, predicates) =>
        {
            using var folder = new TempDirectory("skipping");
            using var db = LakeDuckDb.Open(threads: 1);
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var table = DeltaTable.Create(folder.Combine("t"), Schema, new CreateTableOptions { PartitionColumns = ["cat"] }, time: clock);
            foreach (var chunk in rows.Chunk((rows.Length + appends - 1) / appends))
            {
                table.Append(db, Values(chunk));
            }

            // Every row with the index of its file in snapshot.Files, read once.
            var snapshot = table.LoadSnapshot();
            db.Execute($"CREATE TEMP TABLE scanned AS {SnapshotQuery.Build(db, snapshot, withFileIndex: true)}");
            var fileIndex = snapshot.Files.Select((f, i) => (f.Path, i)).ToDictionary(x => x.Path, x => x.i, StringComparer.Ordinal);
            foreach (var predicate in predicates)
            {
                var kept = DeltaTable.FilesFor(snapshot, predicate).Select(f => fileIndex[f.Path]).ToList();
                var skippedMatches = db.Scalar($"""
                    SELECT count(*) FROM scanned
                    WHERE {PredicateSql.Render(predicate, Schema)} AND __file_index NOT IN ({string.Join(", ", kept.Append(-1))})
                    """);
                skippedMatches.ShouldBe(0L, $"{predicate} kept files [{string.Join(", ", kept)}] of {snapshot.Files.Count}");
            }
        }, iter: 15, threads: 1);
    }

    [Fact]
    public void A_filtered_select_returns_the_rows_of_a_full_scan_filter()
    {
        Gen.Select(RowGen.Array[1, 30], PredicateGen.Array[10]).Sample((rows, predicates) =>
        {
            using var folder = new TempDirectory("skipping");
            using var db = LakeDuckDb.Open(threads: 1);
            var table = DeltaTable.Create(folder.Combine("t"), Schema, new CreateTableOptions { PartitionColumns = ["cat"] }, time: new FakeTimeProvider());
            foreach (var chunk in rows.Chunk(10))
            {
                table.Append(db, Values(chunk));
            }

            var snapshot = table.LoadSnapshot();
            var full = table.SelectSql(db, snapshot);
            foreach (var predicate in predicates)
            {
                var expected = db.Scalar($"SELECT count(*) FROM ({full}) WHERE {PredicateSql.Render(predicate, Schema)}");
                db.Scalar($"SELECT count(*) FROM ({table.SelectSql(db, snapshot, predicate)})").ShouldBe(expected, predicate.ToString());
            }
        }, iter: 3, threads: 1);
    }

    [Theory]
    [InlineData(1.1f, ComparisonOperator.Equal, 1)]
    [InlineData(1.1, ComparisonOperator.Equal, 1)]
    [InlineData(1.1, ComparisonOperator.GreaterThan, 0)]
    [InlineData(1.1f, ComparisonOperator.LessThanOrEqual, 1)]
    public void A_float_column_is_compared_in_float_precision_as_duckdb_does(object literal, ComparisonOperator op, long rows)
    {
        using var folder = new TempDirectory("skipping");
        using var db = LakeDuckDb.Open(threads: 1);
        var table = DeltaTable.Create(folder.Combine("t"), new StructType(new StructField("f", DeltaType.Float)), time: new FakeTimeProvider());
        table.Append(db, "SELECT 1.1::FLOAT AS f");
        var predicate = new ComparisonPredicate("f", op, literal);

        db.Scalar($"SELECT count(*) FROM ({table.SelectSql(db)}) WHERE {PredicateSql.Render(predicate, table.LoadSnapshot().Schema)}").ShouldBe(rows);
        DeltaTable.FilesFor(table.LoadSnapshot(), predicate).Count.ShouldBe((int)rows);
    }

    private static Gen<Predicate> Tree(int depth) => depth == 0
        ? LeafGen
        : Gen.Frequency(
            (3, LeafGen),
            (1, Gen.Select(Tree(depth - 1), Tree(depth - 1), (a, b) => a.And(b))),
            (1, Gen.Select(Tree(depth - 1), Tree(depth - 1), (a, b) => a.Or(b))),
            (1, Tree(depth - 1).Select(p => p.Not())));

    private static string Values(IEnumerable<Row> rows)
    {
        var sql = new StringBuilder("SELECT * FROM (VALUES ");
        sql.AppendJoin(", ", rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"({r.Id}::BIGINT, {Text(r.Cat)}, {r.Score?.ToString(CultureInfo.InvariantCulture) ?? "NULL"}::INTEGER, {r.Price?.ToString("R", CultureInfo.InvariantCulture) ?? "NULL"}::DOUBLE, {r.Ratio?.ToString("R", CultureInfo.InvariantCulture) ?? "NULL"}::FLOAT, DATE '{r.Day:yyyy-MM-dd}', {(r.At is { } at ? $"TIMESTAMP '{at:yyyy-MM-dd HH:mm:ss.ffffff}'" : "NULL::TIMESTAMP")}, {Text(r.Label)})")));
        return sql.Append(") AS t(id, cat, score, price, ratio, \"day\", \"at\", label)").ToString();
    }

    private static string Text(string? value) => value is null ? "NULL::VARCHAR" : SqlText.Literal(value);

    private sealed record Row(long Id, string? Cat, int? Score, double? Price, float? Ratio, DateOnly Day, DateTime? At, string? Label);
}
