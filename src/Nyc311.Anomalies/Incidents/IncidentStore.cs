using System.Globalization;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Anomalies.Incidents;

/// <summary>
/// The incidents (<c>gold.anomalies</c>) and the operators' labels (<c>gold.incident_feedback</c>).
/// Detection upserts incidents; labels are appended and never lost, and an incident's status is
/// always its latest label, whatever later detection runs write.
/// </summary>
public sealed class IncidentStore(LakeCatalog catalog, TimeProvider time)
{
    public const string AnomaliesTable = "gold.anomalies";
    public const string FeedbackTable = "gold.incident_feedback";

    public static StructType AnomaliesSchema { get; } = new(
        new StructField("incident_id", DeltaType.String, Nullable: false),
        new StructField("complaint_type", DeltaType.String),
        new StructField("borough", DeltaType.String),
        new StructField("kind", DeltaType.String),
        new StructField("start_date", DeltaType.Date),
        new StructField("end_date", DeltaType.Date),
        new StructField("peak_date", DeltaType.Date),
        new StructField("observed", DeltaType.Double),
        new StructField("expected", DeltaType.Double),
        new StructField("lower", DeltaType.Double),
        new StructField("upper", DeltaType.Double),
        new StructField("p_value", DeltaType.Double),
        new StructField("severity", DeltaType.String),
        new StructField("explanation", DeltaType.String),
        new StructField("contributors", DeltaType.String),
        new StructField("status", DeltaType.String),
        new StructField("detector", DeltaType.String),
        new StructField("run_id", DeltaType.String),
        new StructField("detected_at", DeltaType.Timestamp),
        new StructField("updated_at", DeltaType.Timestamp));

    public static StructType FeedbackSchema { get; } = new(
        new StructField("incident_id", DeltaType.String, Nullable: false),
        new StructField("label", DeltaType.String, Nullable: false),
        new StructField("note", DeltaType.String),
        new StructField("actor", DeltaType.String),
        new StructField("at", DeltaType.Timestamp, Nullable: false));

    /// <summary>Every incident with its current status (latest label applied), newest first.</summary>
    public IReadOnlyList<Incident> List()
    {
        if (!DeltaTable.Exists(catalog.PathOf(AnomaliesTable)))
        {
            return [];
        }

        var labels = LatestLabels();
        using var db = LakeDuckDb.Open();
        var anomalies = DeltaTable.Open(catalog.PathOf(AnomaliesTable), catalog.Options, time);
        return db.Query($"SELECT * FROM ({anomalies.SelectSql(db)}) ORDER BY start_date DESC, incident_id", Read)
            .Select(i => labels.TryGetValue(i.IncidentId, out var label) ? i with { Status = StatusOf(label) } : i)
            .ToList();
    }

    /// <summary>One incident, or null.</summary>
    public Incident? Find(string incidentId) => List().FirstOrDefault(i => i.IncidentId == incidentId);

    /// <summary>All labels given, oldest first.</summary>
    public IReadOnlyList<IncidentFeedback> Feedback()
    {
        if (!DeltaTable.Exists(catalog.PathOf(FeedbackTable)))
        {
            return [];
        }

        using var db = LakeDuckDb.Open();
        var table = DeltaTable.Open(catalog.PathOf(FeedbackTable), catalog.Options, time);
        return db.Query($"SELECT incident_id, label, note, actor, \"at\" FROM ({table.SelectSql(db)}) ORDER BY \"at\", incident_id", r => new IncidentFeedback(
            r.GetString(0),
            Enum.Parse<IncidentLabel>(r.GetString(1).Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
            r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? "" : r.GetString(3),
            ToInstant(r.GetValue(4))));
    }

    /// <summary>Records an operator's label; the incident's status follows it from now on.</summary>
    public Incident Label(string incidentId, IncidentLabel label, string? note, string actor)
    {
        var incident = Find(incidentId) ?? throw IncidentNotFoundException.For(incidentId);
        var table = DeltaTable.OpenOrCreate(catalog.PathOf(FeedbackTable), FeedbackSchema, new CreateTableOptions { Description = "operator labels of incidents" }, catalog.Options, time);
        using var db = LakeDuckDb.Open();
        var at = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        table.Append(db, $"SELECT {SqlText.Literal(incidentId)} AS incident_id, {SqlText.Literal(LabelText(label))} AS label, {(note is null ? "NULL" : SqlText.Literal(note))} AS note, {SqlText.Literal(actor)} AS actor, TIMESTAMPTZ '{at}+00' AS \"at\"");

        // The row in gold.anomalies shows the latest label too, for SQL readers of the table.
        var labelled = incident with { Status = StatusOf(label), UpdatedAt = time.GetUtcNow() };
        Write([labelled]);
        return labelled;
    }

    /// <summary>
    /// Writes the incidents a detection run found: each replaces the row with the same id (an incident
    /// that grew by a day keeps its id), statuses from labels are kept. Returns the new or changed ones.
    /// </summary>
    public IReadOnlyList<Incident> Upsert(IReadOnlyCollection<Incident> incidents) => Upsert(incidents, null);

    /// <summary>As <see cref="Upsert(IReadOnlyCollection{Incident})"/>, given the stored incidents just read (<see cref="List"/>) to spare reading them again.</summary>
    internal IReadOnlyList<Incident> Upsert(IReadOnlyCollection<Incident> incidents, IReadOnlyList<Incident>? current)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        if (incidents.Count == 0)
        {
            return [];
        }

        var existing = (current ?? List()).ToDictionary(i => i.IncidentId, StringComparer.Ordinal);
        var changed = incidents.Where(i => !existing.TryGetValue(i.IncidentId, out var old) || Differs(old, i))
            .Select(i => existing.TryGetValue(i.IncidentId, out var old) ? i with { Status = old.Status, DetectedAt = old.DetectedAt } : i)
            .ToList();
        if (changed.Count == 0)
        {
            return [];
        }

        Write(changed);
        return changed;
    }

    /// <summary>
    /// Marks incidents resolved (they ended and have not come back). Only incidents still open (no operator
    /// label) change; returns those.
    /// </summary>
    public IReadOnlyList<Incident> Resolve(IReadOnlyCollection<string> incidentIds) => Resolve(incidentIds, null);

    /// <summary>As <see cref="Resolve(IReadOnlyCollection{string})"/>, given the stored incidents just read to spare reading them again.</summary>
    internal IReadOnlyList<Incident> Resolve(IReadOnlyCollection<string> incidentIds, IEnumerable<Incident>? current)
    {
        ArgumentNullException.ThrowIfNull(incidentIds);
        if (incidentIds.Count == 0)
        {
            return [];
        }

        var wanted = incidentIds.ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var resolved = (current ?? List()).Where(i => wanted.Contains(i.IncidentId) && i.Status == IncidentStatus.Open)
            .Select(i => i with { Status = IncidentStatus.Resolved, UpdatedAt = now })
            .ToList();
        if (resolved.Count > 0)
        {
            Write(resolved);
        }

        return resolved;
    }

    private void Write(IReadOnlyCollection<Incident> rows)
    {
        var table = DeltaTable.OpenOrCreate(catalog.PathOf(AnomaliesTable), AnomaliesSchema, new CreateTableOptions { Description = "incidents: consecutive anomalous days of a series, with severity and explanation" }, catalog.Options, time);
        using var db = LakeDuckDb.Open();
        db.Execute($"CREATE TEMP TABLE incoming AS SELECT * FROM ({SelectValues(rows)})");
        table.Merge(db, "incoming", new MergeOptions { Keys = ["incident_id"] });
    }

    private static bool Differs(Incident a, Incident b) =>
        a.StartDate != b.StartDate || a.EndDate != b.EndDate || a.PeakDate != b.PeakDate || Math.Abs(a.Observed - b.Observed) > 1e-9 || Math.Abs(a.Expected - b.Expected) > 1e-6 ||
        a.Severity != b.Severity || a.Explanation != b.Explanation || a.Contributors != b.Contributors;

    private static string SelectValues(IEnumerable<Incident> incidents)
    {
        static string D(DateOnly d) => $"DATE '{d:yyyy-MM-dd}'";
        static string N(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "NULL";
        static string T(DateTimeOffset t) => $"TIMESTAMPTZ '{t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00'";
        var rows = incidents.Select(i =>
            $"({SqlText.Literal(i.IncidentId)}, {SqlText.Literal(i.ComplaintType)}, {SqlText.Literal(i.Borough)}, {SqlText.Literal(KindText(i.Kind))}, " +
            $"{D(i.StartDate)}, {D(i.EndDate)}, {D(i.PeakDate)}, {N(i.Observed)}, {N(i.Expected)}, {N(i.Lower)}, {N(i.Upper)}, {N(i.PValue)}, " +
            $"{SqlText.Literal(i.Severity)}, {SqlText.Literal(i.Explanation)}, {SqlText.Literal(i.Contributors)}, {SqlText.Literal(StatusText(i.Status))}, " +
            $"{SqlText.Literal(i.Detector)}, {SqlText.Literal(i.RunId)}, {T(i.DetectedAt)}, {T(i.UpdatedAt)})");
        var columns = string.Join(", ", AnomaliesSchema.Fields.Select(f => f.Name));
        return $"SELECT * FROM (VALUES {string.Join(", ", rows)}) AS v({columns})";
    }

    private Dictionary<string, IncidentLabel> LatestLabels() =>
        Feedback().GroupBy(f => f.IncidentId).ToDictionary(g => g.Key, g => g.Last().Label, StringComparer.Ordinal);

    private static Incident Read(System.Data.Common.DbDataReader r) => new()
    {
        IncidentId = r.GetString(r.GetOrdinal("incident_id")),
        ComplaintType = r.GetString(r.GetOrdinal("complaint_type")),
        Borough = r.GetString(r.GetOrdinal("borough")),
        Kind = Enum.Parse<IncidentKind>(r.GetString(r.GetOrdinal("kind")).Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
        StartDate = ToDate(r.GetValue(r.GetOrdinal("start_date"))),
        EndDate = ToDate(r.GetValue(r.GetOrdinal("end_date"))),
        PeakDate = ToDate(r.GetValue(r.GetOrdinal("peak_date"))),
        Observed = Number(r, "observed"),
        Expected = Number(r, "expected"),
        Lower = Number(r, "lower"),
        Upper = Number(r, "upper"),
        PValue = Number(r, "p_value"),
        Severity = r.GetString(r.GetOrdinal("severity")),
        Explanation = r.GetString(r.GetOrdinal("explanation")),
        Contributors = r.IsDBNull(r.GetOrdinal("contributors")) ? "[]" : r.GetString(r.GetOrdinal("contributors")),
        Status = Enum.Parse<IncidentStatus>(r.GetString(r.GetOrdinal("status")).Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
        Detector = r.GetString(r.GetOrdinal("detector")),
        RunId = r.GetString(r.GetOrdinal("run_id")),
        DetectedAt = ToInstant(r.GetValue(r.GetOrdinal("detected_at"))),
        UpdatedAt = ToInstant(r.GetValue(r.GetOrdinal("updated_at"))),
    };

    private static double Number(System.Data.Common.DbDataReader r, string column) =>
        r.IsDBNull(r.GetOrdinal(column)) ? double.NaN : Convert.ToDouble(r.GetValue(r.GetOrdinal(column)), CultureInfo.InvariantCulture);

    private static DateOnly ToDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset ToInstant(object value) => value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        _ => DateTimeOffset.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    public static IncidentStatus StatusOf(IncidentLabel label) => label switch
    {
        IncidentLabel.Acknowledged => IncidentStatus.Acknowledged,
        IncidentLabel.FalsePositive => IncidentStatus.FalsePositive,
        _ => IncidentStatus.NewNormal,
    };

    public static string LabelText(IncidentLabel label) => label switch
    {
        IncidentLabel.Acknowledged => "acknowledged",
        IncidentLabel.FalsePositive => "false_positive",
        _ => "new_normal",
    };

    public static string StatusText(IncidentStatus status) => status switch
    {
        IncidentStatus.Open => "open",
        IncidentStatus.Acknowledged => "acknowledged",
        IncidentStatus.FalsePositive => "false_positive",
        IncidentStatus.NewNormal => "new_normal",
        _ => "resolved",
    };

    public static string KindText(IncidentKind kind) => kind switch
    {
        IncidentKind.Spike => "spike",
        IncidentKind.Drop => "drop",
        _ => "data_problem",
    };
}
