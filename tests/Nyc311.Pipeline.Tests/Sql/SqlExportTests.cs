using Nyc311.Pipeline.Quality;
using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Sql;

/// <summary>
/// Every exported DuckDB statement run in order on one database with the default relation names, the way the
/// orchestrator runs them on a first run: bronze from the real CSV, the API fixtures and two bad rows.
/// </summary>
public sealed class ExportedPipeline : IDisposable
{
    public ExportedPipeline()
    {
        var d = SqlDialects.DuckDb;
        Statements = SqlExport.Statements(d, SilverRun.Options);
        Bronze.CreateTable(Db);
        Bronze.LoadCsv(Db, Bronze.RealCsv, new BronzeBatch("csv", "csv", RealDataSilver.IngestedAt, "rows.csv"));
        Bronze.Insert(Db, BronzeBatch.Api("api", RealDataSilver.IngestedAt.AddDays(1)),
        [
            Bronze.ReadApiFixture("seththeeke__nyc311-normal-with-bbl.json"),
            Records.Valid("1").With("created_date", "not a date"),
            Records.Valid("2").With("borough", "Unspecified").With("incident_zip", null).With("park_borough", null),
        ]);
        foreach (var statement in Statements)
        {
            Describe[statement.Name] = Db.Describe(statement.Text);
            switch (statement.Name)
            {
                case "silver/03_quarantine":
                    Db.Create(statement.Target!, statement.Text);
                    // A first run: no series before, every silver day touched.
                    Db.Create(PipelineRelations.DailySeriesBefore, $"SELECT * FROM ({GoldSql.DailySeries(d, PipelineRelations.Silver)}) WHERE FALSE");
                    Db.Create(PipelineRelations.TouchedDates, GoldSql.TouchedDates(d, PipelineRelations.Silver));
                    break;
                case var _ when statement.Target is { } target:
                    Db.Create(target, statement.Text);
                    break;
                default:
                    Results[statement.Name] = Db.Query(statement.Text);
                    break;
            }
        }
    }

    public TestDuckDb Db { get; } = new(withReferenceTables: false);

    public IReadOnlyList<SqlStatement> Statements { get; }

    public Dictionary<string, IReadOnlyList<(string Name, string Type)>> Describe { get; } = [];

    public Dictionary<string, IReadOnlyList<Row>> Results { get; } = [];

    public void Dispose() => Db.Dispose();
}

public sealed class SqlExportTests(ExportedPipeline pipeline) : IClassFixture<ExportedPipeline>
{
    public static TheoryData<string> StatementNames => [.. SqlExport.Statements(SqlDialects.DuckDb).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Each_statement_yields_exactly_its_declared_columns(string name)
    {
        var statement = pipeline.Statements.Single(s => s.Name == name);

        pipeline.Describe[name].ShouldBe(statement.Columns.Select(c => (c.Name, DescribedType(c.Type))));
    }

    [Fact]
    public void The_exported_statements_run_a_first_pipeline_run_end_to_end()
    {
        var db = pipeline.Db;

        db.Scalar<long>($"SELECT COUNT(*) FROM {PipelineRelations.Silver}").ShouldBe(925);
        db.Query($"SELECT rule_id FROM {PipelineRelations.Quarantine} ORDER BY rule_id").Select(r => r.Get<string>("rule_id")).ShouldBe(["DQ002", "DQ006"]);
        db.Scalar<long>($"SELECT requests FROM {PipelineRelations.DailyCounts} WHERE \"date\" = DATE '2022-05-01' AND complaint_type = '(all)' AND borough = '(all)'").ShouldBe(924);
        db.Scalar<long>($"SELECT requests FROM {PipelineRelations.DailyCounts} WHERE \"date\" = DATE '2022-05-01' AND complaint_type = 'Noise - Residential' AND borough = '(all)'").ShouldBe(379);
        db.Scalar<long>($"SELECT requests FROM {PipelineRelations.DailyCounts} WHERE \"date\" = DATE '2026-07-27' AND complaint_type = '(all)' AND borough = '(all)'").ShouldBe(1);
        db.Scalar<long>($"SELECT CAST(SUM(requests) AS BIGINT) FROM {PipelineRelations.HourlyPatterns} WHERE complaint_type = '(all)'").ShouldBe(925);
        db.Scalar<long>($"SELECT CAST(SUM(requests) AS BIGINT) FROM {PipelineRelations.TimeToClose}").ShouldBe(925);
    }

    [Fact]
    public void Zero_days_fill_the_gap_between_the_real_csv_and_the_api_record()
    {
        var days = pipeline.Db.Scalar<long>($"SELECT COUNT(*) FROM {PipelineRelations.DailyCounts} WHERE complaint_type = '(all)' AND borough = '(all)'");

        days.ShouldBe(new DateOnly(2026, 7, 27).DayNumber - new DateOnly(2022, 5, 1).DayNumber + 1);
    }

    [Fact]
    public void The_quality_report_is_read_not_written()
    {
        var summary = pipeline.Results["quality/01_summary"].Single();
        summary.Get<long>("rows_in").ShouldBe(927);
        summary.Get<long>("rows_rejected").ShouldBe(2);
        pipeline.Results["quality/02_rule_counts"].Count.ShouldBe(QualityRules.All.Count);
    }

    [Fact]
    public void Both_dialects_export_the_same_statements_in_the_same_order()
    {
        var duck = SqlExport.Statements(SqlDialects.DuckDb);
        var spark = SqlExport.Statements(SqlDialects.Spark);

        spark.Select(s => (s.Name, s.Target)).ShouldBe(duck.Select(s => (s.Name, s.Target)));
        spark.Select(s => s.Columns).ShouldBe(duck.Select(s => s.Columns));
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        foreach (var dialect in SqlDialects.All)
        {
            SqlExport.Statements(dialect).Select(s => s.Text).ShouldBe(SqlExport.Statements(dialect).Select(s => s.Text));
        }
    }

    [Fact]
    public void The_spark_rendering_uses_spark_spellings_only()
    {
        var text = string.Join("\n", SqlExport.Statements(SqlDialects.Spark).Select(s => s.Text));

        foreach (var spark in new[] { "try_to_timestamp(", "TIMESTAMP_NTZ", "named_struct(", "get_json_object(", "percentile(", " RLIKE ", "trunc(", "explode(sequence(", "`date`", "to_utc_timestamp(", "STRING" })
        {
            text.ShouldContain(spark);
        }

        foreach (var duck in new[] { "try_strptime", "struct_pack", "quantile_cont", "regexp_matches", "json_valid", "epoch_us", "generate_series", "date_trunc", "isodow", "VARCHAR", "TIMESTAMPTZ", "\"date\"", ":=" })
        {
            text.ShouldNotContain(duck);
        }
    }

    [Fact]
    public void The_exported_silver_check_uses_the_engine_clock_unless_given_an_as_of_time()
    {
        var byDefault = SqlExport.Statements(SqlDialects.Spark).Single(s => s.Name == "silver/01_checked").Text;
        var fixedTime = SqlExport.Statements(SqlDialects.Spark, SilverRun.Options).Single(s => s.Name == "silver/01_checked").Text;

        byDefault.ShouldContain("from_utc_timestamp(current_timestamp(), 'America/New_York')");
        fixedTime.ShouldContain("created_date > TIMESTAMP_NTZ '2026-08-10 21:00:00'");
    }

    private static string DescribedType(SqlType type) => type switch
    {
        SqlType.Instant => "TIMESTAMP WITH TIME ZONE",
        _ => SqlDialects.DuckDb.TypeName(type),
    };
}
