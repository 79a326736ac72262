using Nyc311.Domain;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Reference;

/// <summary>
/// The reference tables silver joins: ZIP code to borough and complaint type spellings (bundled files, see
/// Reference/README.md) and US + New York City holidays (from <see cref="HolidayCalendar"/>).
/// </summary>
public static class ReferenceData
{
    /// <summary>The first year of holidays <see cref="Tables()"/> renders.</summary>
    public const int DefaultFirstHolidayYear = 2010;

    /// <summary>The last year of holidays <see cref="Tables()"/> renders.</summary>
    public const int DefaultLastHolidayYear = 2035;

    private static readonly Lazy<IReadOnlyList<ZipBorough>> LazyZipBoroughs = new(LoadZipBoroughs);
    private static readonly Lazy<IReadOnlyList<ComplaintTypeSpelling>> LazyComplaintTypes = new(LoadComplaintTypes);

    /// <summary>Every NYC ZIP code with its borough (251 rows), sorted by ZIP.</summary>
    public static IReadOnlyList<ZipBorough> ZipBoroughs => LazyZipBoroughs.Value;

    /// <summary>The portal's spellings of complaint types attested in real data, sorted by key.</summary>
    public static IReadOnlyList<ComplaintTypeSpelling> ComplaintTypes => LazyComplaintTypes.Value;

    /// <summary>The upper-case, single-spaced key silver matches complaint types by.</summary>
    public static string ComplaintTypeKey(string complaintType)
    {
        ArgumentNullException.ThrowIfNull(complaintType);
        return CollapseSpaces(complaintType).ToUpperInvariant();
    }

    /// <summary>The days from <paramref name="firstYear"/> to <paramref name="lastYear"/> with a US or NYC holiday, one row per day, sorted.</summary>
    public static IReadOnlyList<HolidayDay> Holidays(int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstYear, lastYear);
        return
        [
            .. HolidayCalendar.Between(new DateOnly(firstYear, 1, 1), new DateOnly(lastYear, 12, 31))
                .GroupBy(h => h.Date)
                .OrderBy(g => g.Key)
                .Select(g => new HolidayDay(
                    g.Key,
                    string.Join(" / ", g.Select(h => h.IsObserved ? h.Name + " (observed)" : h.Name)),
                    g.Any(h => h.Scope == HolidayScope.UnitedStates),
                    IsNycHoliday: true)),
        ];
    }

    /// <summary><see cref="ZipBoroughs"/> as the table <c>silver.zip_boroughs</c> (<c>zip</c>, <c>borough</c>).</summary>
    public static ReferenceTable ZipBoroughsTable() => new(
        PipelineRelations.ZipBoroughs,
        [
            new("zip", SqlType.String, "Five-digit ZIP code"),
            new("borough", SqlType.String, "Borough in the 311 spelling (MANHATTAN, ..., STATEN ISLAND)"),
        ],
        [.. ZipBoroughs.Select(z => (IReadOnlyList<object?>)[z.Zip, z.Borough])]);

    /// <summary><see cref="ComplaintTypes"/> as the table <c>silver.complaint_types</c> (<c>complaint_type_key</c>, <c>complaint_type</c>).</summary>
    public static ReferenceTable ComplaintTypesTable() => new(
        PipelineRelations.ComplaintTypes,
        [
            new("complaint_type_key", SqlType.String, "Upper case, whitespace collapsed"),
            new("complaint_type", SqlType.String, "The portal's spelling"),
        ],
        [.. ComplaintTypes.Select(c => (IReadOnlyList<object?>)[c.Key, c.ComplaintType])]);

    /// <summary><see cref="Holidays"/> as the table <c>silver.holidays</c> (<c>date</c>, <c>holiday_name</c>, <c>is_us_holiday</c>, <c>is_nyc_holiday</c>).</summary>
    public static ReferenceTable HolidaysTable(int firstYear, int lastYear) => new(
        PipelineRelations.Holidays,
        [
            new("date", SqlType.Date, "New York calendar day (a keyword: quote it)"),
            new("holiday_name", SqlType.String, "Holiday name(s), \" (observed)\" on observed days"),
            new("is_us_holiday", SqlType.Boolean, "A US federal holiday falls or is observed on the day"),
            new("is_nyc_holiday", SqlType.Boolean, "NYC government observes a holiday on the day"),
        ],
        [.. Holidays(firstYear, lastYear).Select(h => (IReadOnlyList<object?>)[h.Date, h.Name, h.IsUsHoliday, h.IsNycHoliday])]);

    /// <summary>The three reference tables, holidays for <see cref="DefaultFirstHolidayYear"/> to <see cref="DefaultLastHolidayYear"/>.</summary>
    public static IReadOnlyList<ReferenceTable> Tables() => Tables(DefaultFirstHolidayYear, DefaultLastHolidayYear);

    /// <summary>The three reference tables, holidays for the given years.</summary>
    public static IReadOnlyList<ReferenceTable> Tables(int firstHolidayYear, int lastHolidayYear) =>
        [ZipBoroughsTable(), HolidaysTable(firstHolidayYear, lastHolidayYear), ComplaintTypesTable()];

    private static IReadOnlyList<ZipBorough> LoadZipBoroughs() =>
    [
        .. EmbeddedCsv.Read("nyc_zip_borough.csv")
            .Select(row => new ZipBorough(
                row["zip"],
                Boroughs.Normalize(row["borough"]) ?? throw new InvalidOperationException($"ZIP {row["zip"]}: '{row["borough"]}' names no borough.")))
            .OrderBy(z => z.Zip, StringComparer.Ordinal),
    ];

    private static IReadOnlyList<ComplaintTypeSpelling> LoadComplaintTypes() =>
    [
        .. EmbeddedCsv.Read("complaint_types.csv")
            .Select(row => CollapseSpaces(row["complaint_type"]))
            .Select(name => new ComplaintTypeSpelling(name.ToUpperInvariant(), name))
            .OrderBy(c => c.Key, StringComparer.Ordinal),
    ];

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
