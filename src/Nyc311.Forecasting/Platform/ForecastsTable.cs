using Nyc311.Forecasting.Series;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Forecasting.Platform;

/// <summary>One row of <c>gold.forecasts</c>: one series and day forecast from one origin.</summary>
/// <param name="Series">The (complaint type, borough) series.</param>
/// <param name="Date">The day forecast.</param>
/// <param name="Forecast">Expected requests (never negative).</param>
/// <param name="Lower">Lower interval bound (never negative).</param>
/// <param name="Upper">Upper interval bound (never negative).</param>
/// <param name="IntervalWidth">The interval's nominal coverage.</param>
/// <param name="Model">The model's name.</param>
/// <param name="ModelVersion">The registry version of the champion used.</param>
/// <param name="RunId">The training or forecast run that wrote it.</param>
/// <param name="Origin">The last day of history.</param>
/// <param name="CreatedAt">When it was written (UTC).</param>
public sealed record ForecastRow(SeriesKey Series, DateOnly Date, double Forecast, double Lower, double Upper, double IntervalWidth, string Model, string ModelVersion, string RunId, DateOnly Origin, DateTimeOffset CreatedAt);

/// <summary>
/// The table <c>gold.forecasts</c> (schema in docs/ARCHITECTURE.md), partitioned by <c>origin</c>. A write
/// replaces the rows of its origin (limited to the complaint types and boroughs asked for), so writing the
/// same origin again is idempotent.
/// </summary>
public static class ForecastsTable
{
    /// <summary>The table's qualified name.</summary>
    public const string Name = "gold.forecasts";

    /// <summary>The table's schema.</summary>
    public static StructType Schema { get; } = new(
        new StructField("complaint_type", DeltaType.String),
        new StructField("borough", DeltaType.String),
        new StructField("date", DeltaType.Date),
        new StructField("forecast", DeltaType.Double),
        new StructField("lower", DeltaType.Double),
        new StructField("upper", DeltaType.Double),
        new StructField("interval_width", DeltaType.Double),
        new StructField("model", DeltaType.String),
        new StructField("model_version", DeltaType.String),
        new StructField("run_id", DeltaType.String),
        new StructField("origin", DeltaType.Date),
        new StructField("created_at", DeltaType.Timestamp));

    /// <summary>
    /// Replaces the forecasts of <paramref name="origin"/> (only of the complaint types and boroughs of
    /// <paramref name="filter"/> when it names some) with <paramref name="rows"/>, in one commit.
    /// </summary>
    /// <returns>The commit.</returns>
    public static WriteResult Write(LakeCatalog catalog, IReadOnlyList<ForecastRow> rows, DateOnly origin, SeriesFilter? filter = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(rows);
        var table = DeltaTable.OpenOrCreate(
            catalog.PathOf(Name),
            Schema,
            new CreateTableOptions { PartitionColumns = ["origin"], Description = "daily request forecasts with prediction intervals, per series and origin" },
            catalog.Options,
            time);
        using var db = LakeDuckDb.Open(threads: 2);
        db.Execute("""
            CREATE TEMP TABLE staging_forecasts (
                complaint_type VARCHAR, borough VARCHAR, "date" DATE, forecast DOUBLE, lower DOUBLE, upper DOUBLE,
                interval_width DOUBLE, model VARCHAR, model_version VARCHAR, run_id VARCHAR, origin DATE, created_at TIMESTAMP)
            """);
        using (var appender = db.CreateAppender("staging_forecasts"))
        {
            foreach (var row in rows)
            {
                if (row.Origin != origin)
                {
                    throw new ArgumentException($"a row of origin {row.Origin:yyyy-MM-dd} cannot be written with origin {origin:yyyy-MM-dd}", nameof(rows));
                }

                appender.CreateRow()
                    .AppendValue(row.Series.ComplaintType)
                    .AppendValue(row.Series.Borough)
                    .AppendValue((DateOnly?)row.Date)
                    .AppendValue((double?)row.Forecast)
                    .AppendValue((double?)row.Lower)
                    .AppendValue((double?)row.Upper)
                    .AppendValue((double?)row.IntervalWidth)
                    .AppendValue(row.Model)
                    .AppendValue(row.ModelVersion)
                    .AppendValue(row.RunId)
                    .AppendValue((DateOnly?)row.Origin)
                    .AppendValue((DateTime?)row.CreatedAt.UtcDateTime)
                    .EndRow();
            }
        }

        var scope = Predicate.Equal("origin", origin);
        if (filter?.ComplaintTypes is { Count: > 0 } types)
        {
            scope = scope.And(Predicate.In("complaint_type", types));
        }

        if (filter?.Boroughs is { Count: > 0 } boroughs)
        {
            scope = scope.And(Predicate.In("borough", boroughs));
        }

        return table.Overwrite(
            db,
            """
            SELECT complaint_type, borough, "date", forecast, lower, upper, interval_width, model, model_version, run_id, origin,
                   CAST(created_at AS TIMESTAMPTZ) AS created_at
            FROM staging_forecasts
            """,
            scope);
    }
}
