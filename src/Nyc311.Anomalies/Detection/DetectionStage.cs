using Nyc311.Anomalies.Alerts;
using Nyc311.Anomalies.Health;
using Nyc311.Anomalies.Incidents;
using Nyc311.Anomalies.Series;
using Nyc311.Lake.Catalog;

namespace Nyc311.Anomalies.Detection;

/// <summary>A step of a detection run started or finished.</summary>
public sealed record DetectionProgress(string Step, string Detail);

/// <summary>
/// The detection run behind <c>nyc311 detect</c> and the last stage of <c>nyc311 run</c>: reads
/// <c>gold.daily_counts</c> (and <c>gold.forecasts</c> when present), checks data health, judges the latest
/// <see cref="AnomalyOptions.LookbackDays"/> days of every series from the days before each, writes incidents
/// and data-health findings to <c>gold.anomalies</c>, resolves incidents that ended, and sends one alert per
/// new incident. Idempotent: a second run over the same data writes nothing and alerts nobody.
/// </summary>
public static partial class DetectionStage
{
    /// <summary>Runs detection on the lake.</summary>
    /// <param name="catalog">The lake.</param>
    /// <param name="options">Validated on entry; an <see cref="AnomalyOptionsException"/> lists what is wrong.</param>
    /// <param name="time">Clock for run ids and timestamps.</param>
    /// <param name="sinks">Where alerts of new incidents go (may be empty).</param>
    /// <param name="progress">Step-by-step progress, optional.</param>
    /// <param name="cancellationToken">Stops between steps and alerts.</param>
    public static async Task<DetectionResult> RunAsync(LakeCatalog catalog, AnomalyOptions options, TimeProvider time, IReadOnlyList<IAlertSink> sinks, IProgress<DetectionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(sinks);
        options.Validate();
        var settings = DetectionSettings.From(options);
        var now = time.GetUtcNow();
        var runId = $"detect-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        var store = new IncidentStore(catalog, time);
        var detector = DetectorNames.Of(settings.Detector);

        var last = DailyCountsReader.LastDay(catalog, time);
        if (last is not { } lastDay)
        {
            progress?.Report(new DetectionProgress("read", "no gold.daily_counts yet: nothing to judge"));
            return DetectionResult.Empty(runId, detector, store.List(), "no gold.daily_counts yet: run the pipeline first");
        }

        // The New York day still in progress is half-loaded by definition: it is neither judged nor checked until it is over.
        var today = Today(time);
        string? inProgress = null;
        if (lastDay == today)
        {
            inProgress = $"waiting for fresh data: {today:yyyy-MM-dd} is still in progress in New York, so it is judged once it is over";
            lastDay = today.AddDays(-1);
            progress?.Report(new DetectionProgress("read", $"{today:yyyy-MM-dd} is still in progress: judging up to {lastDay:yyyy-MM-dd}"));
        }

        var judgeFrom = lastDay.AddDays(1 - options.LookbackDays);
        var loadFrom = judgeFrom.AddDays(-options.HistoryDays);
        var series = DailyCountsReader.Read(catalog, loadFrom, lastDay, time);
        progress?.Report(new DetectionProgress("read", $"{series.Count:N0} series, {loadFrom:yyyy-MM-dd}..{lastDay:yyyy-MM-dd}; judging {judgeFrom:yyyy-MM-dd}..{lastDay:yyyy-MM-dd}"));

        var findings = CheckTotals(series, loadFrom, options);
        var excluded = findings.Select(f => f.Date).ToHashSet();
        RemoveDays(series.Values, excluded);
        var existing = store.List();
        var newNormals = NewNormalChanges(existing);
        var forecasts = options.UseForecasts ? ForecastReader.Read(catalog, judgeFrom, lastDay, time) : [];
        if (forecasts.Count > 0)
        {
            progress?.Report(new DetectionProgress("forecasts", $"{forecasts.Count:N0} series-days have a forecast in gold.forecasts"));
        }

        var judge = new DayJudge(options, settings);
        var judgedDays = new List<DateOnly>();
        var flagged = new List<FlaggedDay>();
        var scoresByDay = new Dictionary<DateOnly, Dictionary<SeriesKey, DayScore>>();
        var seriesDays = 0;
        for (var day = judgeFrom; day <= lastDay; day = day.AddDays(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (excluded.Contains(day))
            {
                continue;
            }

            var inputs = series.Values.Select(s => (s.Key, ValuesFor(s, day, newNormals), s.Start));
            var scores = judge.Score(day, inputs, key => forecasts.TryGetValue((key, day), out var f) ? f : null);
            var reclassified = Reclassifications(day, series, scores, options);
            findings.AddRange(reclassified);
            var suppressed = reclassified
                .SelectMany(f => new[] { f.Series.ComplaintType, f.RelatedComplaintType! })
                .SelectMany(type => scores.Keys.Where(k => k.ComplaintType == type))
                .ToHashSet();
            var judged = judge.Correct(day, scores, suppressed);
            judgedDays.Add(day);
            seriesDays += judged.Count;
            scoresByDay[day] = scores;
            flagged.AddRange(judged.Where(j => j.Flag is not null).Select(j => new FlaggedDay(j.Series, j.Flag!.Value, j.Score, j.PValue)));
        }

        var dataProblems = findings.Where(f => f.Date >= judgeFrom)
            .Select(f => new FlaggedDay(f.Series, IncidentKind.DataProblem, new DayScore(f.Date, f.Observed, f.Expected, double.NaN, double.NaN, double.NaN, double.NaN), double.NaN, f.Explanation))
            .ToList();
        progress?.Report(new DetectionProgress("judge", $"{judgedDays.Count} day(s), {seriesDays:N0} series-days judged by {detector}: {flagged.Count(f => f.Kind == IncidentKind.Spike)} spike and {flagged.Count(f => f.Kind == IncidentKind.Drop)} drop days; {dataProblems.Count} data-health finding(s)"));

        var incidents = IncidentBuilder.Build(
            [.. flagged, .. dataProblems], existing,
            day => Incidents.Contributors.ToJson(Incidents.Contributors.For(day.Series, day.Kind, day.Score, scoresByDay.TryGetValue(day.Score.Date, out var s) ? s.Select(p => (p.Key, p.Value)) : [])),
            detector, runId, now);
        var existingIds = existing.Select(i => i.IncidentId).ToHashSet(StringComparer.Ordinal);
        var written = store.Upsert(incidents, existing);
        var created = written.Where(i => !existingIds.Contains(i.IncidentId)).ToList();
        var updated = written.Where(i => existingIds.Contains(i.IncidentId)).ToList();

        // The stored incidents as they are now, kept in memory instead of read back.
        var current = existing.ToDictionary(i => i.IncidentId, StringComparer.Ordinal);
        foreach (var incident in written)
        {
            current[incident.IncidentId] = incident;
        }

        var lastJudged = judgedDays.Count > 0 ? judgedDays[^1] : (DateOnly?)null;
        // Incidents that ended a while ago, and data problems of judged days that are fine now (reloaded), are resolved.
        var stillProblems = incidents.Where(i => i.Kind == IncidentKind.DataProblem).Select(i => i.IncidentId).ToHashSet(StringComparer.Ordinal);
        var resolved = store.Resolve([.. current.Values
            .Where(i => i.Status == IncidentStatus.Open
                && ((lastJudged is { } lj && i.EndDate.DayNumber <= lj.DayNumber - options.ResolveAfterDays)
                    || (i.Kind == IncidentKind.DataProblem && i.StartDate >= judgeFrom && !stillProblems.Contains(i.IncidentId))))
            .Select(i => i.IncidentId)], current.Values);
        foreach (var incident in resolved)
        {
            current[incident.IncidentId] = incident;
        }

        progress?.Report(new DetectionProgress("incidents", $"{created.Count} new, {updated.Count} updated, {resolved.Count} resolved"));

        var alerts = created.Where(i => i.Kind != IncidentKind.DataProblem).OrderBy(i => i.StartDate).ThenBy(i => i.IncidentId).Select(i => new Alert(i)).ToList();
        var report = await AlertDispatcher.SendAsync(alerts, sinks, cancellationToken);
        if (alerts.Count > 0)
        {
            progress?.Report(new DetectionProgress("alerts", $"{alerts.Count} alert(s) to {sinks.Count} sink(s): {report.Delivered} delivered, {report.Failures.Count} failed"));
        }

        var lastFinding = findings.Where(f => f.Date == lastDay && f.Kind != DataProblemKind.Reclassification).Select(f => f.Explanation).FirstOrDefault();
        return new DetectionResult
        {
            RunId = runId,
            Detector = detector,
            LastDay = lastDay,
            JudgedDays = judgedDays,
            SeriesDaysJudged = seriesDays,
            SpikeDays = flagged.Count(f => f.Kind == IncidentKind.Spike),
            DropDays = flagged.Count(f => f.Kind == IncidentKind.Drop),
            ForecastsUsed = forecasts.Count,
            NewIncidents = created,
            UpdatedIncidents = updated,
            ResolvedIncidents = resolved,
            DataHealth = [.. findings.Where(f => f.Date >= judgeFrom).OrderBy(f => f.Date)],
            WaitingFor = lastFinding is null ? inProgress : $"waiting for fresh data: {lastFinding}",
            Alerts = report,
            AlertsSent = alerts.Count,
            OpenIncidents = [.. current.Values.Where(i => i.Status == IncidentStatus.Open && i.Kind != IncidentKind.DataProblem)
                .OrderByDescending(i => i.StartDate).ThenBy(i => i.IncidentId, StringComparer.Ordinal)],
            Feedback = FeedbackSummary.From(store.Feedback()),
        };
    }

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The calendar day it is now in New York.</summary>
    internal static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), NewYork).DateTime);
}
