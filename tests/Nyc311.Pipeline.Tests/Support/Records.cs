namespace Nyc311.Pipeline.Tests.Support;

/// <summary>Hand-made bronze records: a valid API-shaped baseline, changed one field at a time.</summary>
public static class Records
{
    /// <summary>A valid record: NYPD noise in Brooklyn, created 2022-05-01 10:00:00 and closed 12:30:00 (New York time).</summary>
    public static Dictionary<string, string?> Valid(string uniqueKey) => new(StringComparer.Ordinal)
    {
        ["unique_key"] = uniqueKey,
        ["created_date"] = "2022-05-01T10:00:00.000",
        ["closed_date"] = "2022-05-01T12:30:00.000",
        ["agency"] = "NYPD",
        ["agency_name"] = "New York City Police Department",
        ["complaint_type"] = "Noise - Residential",
        ["descriptor"] = "Loud Music/Party",
        ["incident_zip"] = "11201",
        ["status"] = "Closed",
        ["borough"] = "BROOKLYN",
        ["park_borough"] = "BROOKLYN",
        ["latitude"] = "40.6940",
        ["longitude"] = "-73.9900",
    };

    /// <summary>A copy with <paramref name="field"/> set to <paramref name="value"/> (null removes it, as a missing field).</summary>
    public static Dictionary<string, string?> With(this Dictionary<string, string?> record, string field, string? value)
    {
        var copy = new Dictionary<string, string?>(record, StringComparer.Ordinal);
        if (value is null)
        {
            copy.Remove(field);
        }
        else
        {
            copy[field] = value;
        }

        return copy;
    }
}
