namespace Nyc311.Pipeline.Sql;

/// <summary>The text shapes in which 311 timestamps arrive; each dialect knows its own pattern for each.</summary>
public enum TimestampFormat
{
    /// <summary>The portal's CSV export: <c>05/01/2022 12:00:03 AM</c> (12-hour clock).</summary>
    PortalCsv,

    /// <summary>The Socrata API's floating timestamp: <c>2022-05-01T00:00:03.000</c>.</summary>
    SocrataFloating,

    /// <summary>ISO 8601 local time to the second, without fraction: <c>2022-05-01T00:00:03</c>.</summary>
    IsoSeconds,
}
