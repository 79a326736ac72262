namespace Nyc311.Simulation;

/// <summary>
/// Data-quality problems deliberately written into a record, so tests and the silver layer can
/// check what was injected. A record can carry several.
/// </summary>
[Flags]
public enum QualityProblems
{
    /// <summary>A clean record.</summary>
    None = 0,

    /// <summary><c>unique_key</c> is absent.</summary>
    MissingUniqueKey = 1 << 0,

    /// <summary><c>created_date</c> is text no timestamp parser accepts.</summary>
    UnparseableCreatedDate = 1 << 1,

    /// <summary><c>created_date</c> lies decades in the future.</summary>
    FutureCreatedDate = 1 << 2,

    /// <summary><c>closed_date</c> lies years after the publication time.</summary>
    FutureClosedDate = 1 << 3,

    /// <summary><c>closed_date</c> is before <c>created_date</c> (DOT mostly; some 1900-01-01 placeholders).</summary>
    ClosedBeforeCreated = 1 << 4,

    /// <summary><c>closed_date</c> equals <c>created_date</c>.</summary>
    ZeroDuration = 1 << 5,

    /// <summary><c>created_date</c> is exactly 00:00:00 (agencies that log the date only).</summary>
    CreatedAtMidnight = 1 << 6,

    /// <summary><c>created_date</c> is exactly 12:00:00 (DSNY).</summary>
    CreatedAtNoon = 1 << 7,

    /// <summary><c>closed_date</c> is exactly 00:00:00 (DOB mostly).</summary>
    ClosedAtMidnight = 1 << 8,

    /// <summary><c>closed_date</c> is exactly 12:00:00 (DSNY).</summary>
    ClosedAtNoon = 1 << 9,

    /// <summary><c>resolution_action_updated_date</c> is 30 to 730 days after closing (TLC mostly).</summary>
    LateResolutionUpdate = 1 << 10,

    /// <summary>Latitude/longitude (and State Plane X/Y) lie outside all five boroughs.</summary>
    CoordinatesOutsideCity = 1 << 11,

    /// <summary><c>borough</c> is "Unspecified" but <c>incident_zip</c> names the borough.</summary>
    UnspecifiedBoroughRecoverableFromZip = 1 << 12,

    /// <summary><c>borough</c> is "Unspecified", no ZIP, but <c>park_borough</c> names the borough.</summary>
    UnspecifiedBoroughRecoverableFromParkBorough = 1 << 13,

    /// <summary><c>borough</c> is "Unspecified" and nothing in the record recovers it.</summary>
    UnspecifiedBoroughUnrecoverable = 1 << 14,

    /// <summary><c>complaint_type</c> has odd case or whitespace ("noise - residential", "HEAT/HOT WATER ").</summary>
    OddComplaintTypeFormatting = 1 << 15,

    /// <summary>This row is an earlier version (still open) of a request re-published later in the same file.</summary>
    StaleVersion = 1 << 16,

    /// <summary>This row re-publishes a request that appeared earlier in the file, with its final status and closed date.</summary>
    Republished = 1 << 17,
}
