using Nyc311.Anomalies.Incidents;

namespace Nyc311.Dashboard.Data;

/// <summary>The lake tables the dashboard reads, as <c>layer.table</c>.</summary>
internal static class LakeTables
{
    public const string Bronze = "bronze.service_requests";
    public const string Silver = "silver.service_requests";
    public const string Quarantine = "silver.quarantine";
    public const string QualityReports = "silver.quality_reports";
    public const string DailyCounts = "gold.daily_counts";
    public const string TimeToClose = "gold.time_to_close";
    public const string Forecasts = "gold.forecasts";
    public const string Anomalies = IncidentStore.AnomaliesTable;
    public const string Feedback = IncidentStore.FeedbackTable;

    /// <summary>The value of a rolled-up column in <c>gold.daily_counts</c> and the incident tables.</summary>
    public const string AllValues = "(all)";

    /// <summary>Every table a page reads, so the health page lists the missing ones too.</summary>
    public static IReadOnlyList<string> Read { get; } =
        [Bronze, Silver, Quarantine, QualityReports, DailyCounts, TimeToClose, Forecasts, Anomalies, Feedback];

    /// <summary>What builds a table, for the message shown while it is missing.</summary>
    public static string BuiltBy(string table) => table switch
    {
        Forecasts => "the forecasting job",
        Anomalies or Feedback => "anomaly detection (and operators' labels)",
        _ => "the main job (nyc311 run)",
    };
}
