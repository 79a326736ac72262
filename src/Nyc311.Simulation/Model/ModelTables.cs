using System.Globalization;
using Nyc311.Domain;
using Nyc311.Simulation.Calibration;

namespace Nyc311.Simulation.Model;

/// <summary>The modelled parameter tables under <c>Data/model/</c>, parsed and cross-checked.</summary>
internal sealed class ModelTables
{
    private ModelTables()
    {
        var seasons = Profiles("model/season_profiles.tsv", 12, (n, v) => new SeasonProfile(n, v));
        var weekdays = Profiles("model/weekday_profiles.tsv", 7, (n, v) => new WeekdayProfile(n, v));
        var hours = Profiles("model/hour_profiles.tsv", 24, (n, v) => new HourProfile(n, v));
        BoroughProfiles = LoadBoroughProfiles();
        Agencies = LoadAgencies();

        var types = new List<ComplaintType>();
        foreach (var row in EmbeddedData.ReadTable("model/complaint_types.tsv", '\t'))
        {
            types.Add(new ComplaintType
            {
                Index = types.Count,
                Name = row["type"],
                Agency = Agencies.TryGetValue(row["agency"], out var agency) ? agency : throw row.Fail($"unknown agency {row["agency"]}"),
                Share = row.Number("share_pct") / 100,
                Source = row["source"] is [var s] ? s : throw row.Fail("source must be one letter"),
                Boroughs = Lookup(BoroughProfiles, row, "boroughs"),
                Season = Lookup(seasons, row, "season"),
                Weekday = Lookup(weekdays, row, "weekday"),
                Hour = Lookup(hours, row, "hour"),
                Address = Enum.TryParse<AddressKind>(row["address"], ignoreCase: true, out var kind) ? kind : throw row.Fail($"unknown address kind {row["address"]}"),
                MedianHoursToClose = row.Number("median_h"),
                CloseSigma = row.Number("sigma"),
                NeverClosedShare = row.Number("stuck_pct") / 100,
                Since = row.OptionalDate("since"),
                Until = row.OptionalDate("until"),
                LocationTypes = WeightedChoice.Parse(row["location_types"], row),
                Descriptors = WeightedChoice.Parse(row["descriptors"], row),
            });
        }

        Types = types;
        Events = LoadEvents(types);
    }

    public static ModelTables Instance => LazyInstance.Value;

    private static readonly Lazy<ModelTables> LazyInstance = new(() => new ModelTables());

    public IReadOnlyList<ComplaintType> Types { get; }

    public IReadOnlyDictionary<string, Agency> Agencies { get; }

    public IReadOnlyDictionary<string, BoroughProfile> BoroughProfiles { get; }

    public IReadOnlyList<EventSpec> Events { get; }

    public ComplaintType Type(string name, string agency) =>
        Types.Single(t => t.Name == name && t.Agency.Code == agency);

    private static T Lookup<T>(IReadOnlyDictionary<string, T> profiles, TableRow row, string column) =>
        profiles.TryGetValue(row[column], out var profile) ? profile : throw row.Fail($"unknown {column} profile '{row[column]}'");

    private static Dictionary<string, T> Profiles<T>(string resource, int width, Func<string, double[], T> create)
    {
        var profiles = new Dictionary<string, T>();
        foreach (var row in EmbeddedData.ReadTable(resource, '\t'))
        {
            if (row.Width != width + 1)
            {
                throw row.Fail($"expected {width} values");
            }

            profiles[row[0]] = create(row[0], [.. Enumerable.Range(1, width).Select(row.Number)]);
        }

        return profiles;
    }

    private static Dictionary<string, BoroughProfile> LoadBoroughProfiles()
    {
        var profiles = new Dictionary<string, BoroughProfile>();
        foreach (var row in EmbeddedData.ReadTable("model/borough_profiles.tsv", '\t'))
        {
            profiles[row["profile"]] = new BoroughProfile(row["profile"], [.. Boroughs.All.Select(row.Number)]);
        }

        return profiles;
    }

    private static Dictionary<string, Agency> LoadAgencies()
    {
        var resolutions = EmbeddedData.ReadTable("model/resolutions.tsv", '\t');
        WeightedChoice<string>? Texts(string agency, string name, string outcome)
        {
            var items = resolutions
                .Where(r => r["agency"] == agency && r["outcome"] == outcome)
                .Select(r => (r["text"].Replace("{agency_name}", name, StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal), r.Number("weight")))
                .ToList();
            return items.Count == 0 ? null : new WeightedChoice<string>(items);
        }

        var agencies = new Dictionary<string, Agency>();
        foreach (var row in EmbeddedData.ReadTable("model/agencies.tsv", '\t'))
        {
            var code = row["agency"];
            var name = row["agency_name"];
            agencies[code] = new Agency
            {
                Code = code,
                Name = name,
                OpenStatus = row["open_status"],
                DueHours = row.Number("due_hours"),
                ClosedResolutions = Texts(code, name, "closed"),
                OpenResolutions = Texts(code, name, "open"),
            };
        }

        return agencies;
    }

    private static List<EventSpec> LoadEvents(List<ComplaintType> types)
    {
        var effects = EmbeddedData.ReadTable("model/event_effects.tsv", '\t');
        var events = new List<EventSpec>();
        foreach (var row in EmbeddedData.ReadTable("model/events.tsv", '\t'))
        {
            var id = row["event"];
            var window = EventWindow.Parse(row["start"], row["end"]) ?? throw row.Fail("bad start/end");
            var own = effects.Where(e => e["event"] == id).Select(e =>
            {
                var type = types.SingleOrDefault(t => t.Name == e["type"] && t.Agency.Code == e["agency"])
                    ?? throw e.Fail($"unknown complaint type {e["type"]} ({e["agency"]})");
                double[] multipliers = [.. e["multipliers"].Split(',').Select(m => double.Parse(m, CultureInfo.InvariantCulture))];
                return new EventEffect(type.Index, e.Number("excess_weight"), multipliers);
            }).ToList();
            if (own.Count == 0)
            {
                throw row.Fail($"event {id} has no effects");
            }

            var realEvent = new RealEvent(id, row["name"], window.Describe(), row["source"], [.. own.Select(e => types[e.TypeIndex].Name)])
            {
                Window = window,
            };
            events.Add(new EventSpec(realEvent, row.Number("excess_share"), own));
        }

        return events;
    }
}
