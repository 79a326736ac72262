using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Geography;
using Nyc311.Simulation.Output;

namespace Nyc311.Simulation.Generation;

/// <summary>
/// Writes the data-quality problems of real exports into a day's drafts, from its own random
/// stream so switching problems off leaves every other value of the day unchanged. Each problem
/// sets its <see cref="QualityProblems"/> flag on the record.
/// </summary>
internal sealed partial class QualityInjector(QualityProblemRates rates, PublishedQualityRates agencyRates, NycMap map, DateTime publishedAsOf, IReadOnlyList<Model.ComplaintType> types)
{
    private readonly AgencyPatterns[] _patterns = [.. types.Select(t => AgencyPatterns.For(t.Agency.Code, agencyRates))];

    private const QualityProblems ClosingProblems = QualityProblems.ClosedBeforeCreated | QualityProblems.ZeroDuration |
        QualityProblems.ClosedAtMidnight | QualityProblems.ClosedAtNoon | QualityProblems.LateResolutionUpdate | QualityProblems.FutureClosedDate;

    private static readonly DateTime PlaceholderClosed = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Problems of single values; runs before the day is sorted by creation time.</summary>
    public void InjectValueProblems(List<SimulatedRequest> drafts, SimulationRandom random)
    {
        foreach (var draft in drafts)
        {
            if (rates.PublishedAgencyPatterns)
            {
                StampCreated(draft, random);
                DistortClosing(draft, random);
            }

            if (draft.HasCoordinates && random.Chance(rates.CoordinatesOutsideCity))
            {
                MoveOutsideCity(draft, random);
            }

            if (random.Chance(rates.UnspecifiedBorough))
            {
                HideBorough(draft, random);
            }

            if (random.Chance(rates.OddComplaintTypeFormatting))
            {
                draft.ComplaintTypeText = OddFormatting(draft.Type.Name, random);
                draft.Problems |= QualityProblems.OddComplaintTypeFormatting;
            }

            var u = random.NextDouble();
            if (u < rates.UnparseableCreatedDate)
            {
                draft.CreatedText = Unparseable(draft.Created, random);
                draft.Problems |= QualityProblems.UnparseableCreatedDate;
            }
            else if (u < rates.UnparseableCreatedDate + rates.FutureCreatedDate)
            {
                draft.CreatedText = Timestamps.Api(draft.Created.AddYears(random.NextInt(10, 70)));
                draft.Problems |= QualityProblems.FutureCreatedDate;
            }

            if (draft.Closed is not null && random.Chance(rates.FutureClosedDate))
            {
                draft.ClosedText = Timestamps.Api(publishedAsOf.AddYears(random.NextInt(2, 30)).AddMinutes(random.NextInt(24 * 60)));
                draft.Problems |= QualityProblems.FutureClosedDate;
            }
        }
    }

    /// <summary>
    /// Problems of whole records; runs after keys are assigned (drafts in creation order) and returns
    /// the day in file order: stale versions in place, their re-published final versions at the end.
    /// </summary>
    public List<SimulatedRequest> InjectRecordProblems(List<SimulatedRequest> drafts, SimulationRandom random)
    {
        var republished = new List<SimulatedRequest>();
        var output = new List<SimulatedRequest>(drafts.Count + (drafts.Count / 50));
        foreach (var draft in drafts)
        {
            if (random.Chance(rates.MissingUniqueKey))
            {
                draft.UniqueKey = 0;
                draft.Problems |= QualityProblems.MissingUniqueKey;
            }

            if (draft.UniqueKey != 0 && draft.Closed is not null && random.Chance(rates.Republished))
            {
                output.Add(StaleVersionOf(draft));
                draft.Problems |= QualityProblems.Republished;
                republished.Add(draft);
                continue;
            }

            output.Add(draft);
        }

        output.AddRange(republished);
        return output;
    }

    private static SimulatedRequest StaleVersionOf(SimulatedRequest final)
    {
        var stale = final.Clone();
        stale.Closed = null;
        stale.ClosedText = null;
        stale.ResolutionUpdated = null;
        stale.Resolution = null;
        stale.Status = final.Type.Agency.OpenStatus;
        stale.UpdatedAtUtc = stale.CreatedAtUtc;
        stale.Problems = (final.Problems & ~ClosingProblems) | QualityProblems.StaleVersion;
        if (final.UpdatedAtUtc <= final.CreatedAtUtc)
        {
            // The final version must be the later one by :updated_at too.
            final.UpdatedAtUtc = final.CreatedAtUtc.AddHours(1);
        }

        return stale;
    }

    private void StampCreated(SimulatedRequest draft, SimulationRandom random)
    {
        var patterns = _patterns[draft.Type.Index];
        var u = random.NextDouble();
        var noon = patterns.CreatedAtNoon;
        var midnight = patterns.CreatedAtMidnight;
        if (u >= noon + midnight)
        {
            return;
        }

        var original = draft.Created;
        var stamped = draft.Created.Date.AddHours(u < noon ? 12 : 0);
        draft.Created = stamped;
        draft.Problems |= u < noon ? QualityProblems.CreatedAtNoon : QualityProblems.CreatedAtMidnight;
        if (draft.Closed is { } closed && closed < stamped)
        {
            // Keep the request's duration rather than invent a negative one.
            draft.Closed = Min(stamped + (closed - original), publishedAsOf);
            draft.ResolutionUpdated = draft.ResolutionUpdated is null ? null : draft.Closed;
        }
    }

    private void DistortClosing(SimulatedRequest draft, SimulationRandom random)
    {
        if (draft.Closed is not { } closed)
        {
            return;
        }

        var patterns = _patterns[draft.Type.Index];
        var negative = patterns.ClosedBeforeCreated;
        var zero = patterns.ZeroDuration;
        var midnight = patterns.ClosedAtMidnight;
        var noon = patterns.ClosedAtNoon;
        var u = random.NextDouble();
        if (u < negative)
        {
            draft.Closed = random.Chance(0.01) ? PlaceholderClosed : draft.Created.AddMinutes(-random.NextInt(1, 3 * 24 * 60));
            draft.Problems |= QualityProblems.ClosedBeforeCreated;
        }
        else if (u < negative + zero)
        {
            draft.Closed = draft.Created;
            draft.Problems |= QualityProblems.ZeroDuration;
        }
        else if (u < negative + zero + midnight)
        {
            var stamped = closed.Date >= draft.Created ? closed.Date : closed.Date.AddDays(1);
            if (stamped <= publishedAsOf && stamped > draft.Created)
            {
                draft.Closed = stamped;
                draft.Problems |= QualityProblems.ClosedAtMidnight;
            }
        }
        else if (u < negative + zero + midnight + noon)
        {
            var stamped = closed.Date.AddHours(12);
            if (stamped <= publishedAsOf && stamped > draft.Created)
            {
                draft.Closed = stamped;
                draft.Problems |= QualityProblems.ClosedAtNoon;
            }
        }

        if (draft.ResolutionUpdated is not null && (draft.Problems & (QualityProblems.ZeroDuration | QualityProblems.ClosedAtMidnight | QualityProblems.ClosedAtNoon)) != 0)
        {
            draft.ResolutionUpdated = draft.Closed;
        }

        if (draft.Resolution is not null && random.Chance(patterns.LateResolutionUpdate))
        {
            var late = draft.Closed!.Value.AddDays(random.NextInt(30, 730));
            if (late <= publishedAsOf && draft.Closed > PlaceholderClosed)
            {
                draft.ResolutionUpdated = late;
                draft.Problems |= QualityProblems.LateResolutionUpdate;
            }
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>One agency's published pattern rates, looked up once per type instead of per record.</summary>
    private readonly record struct AgencyPatterns(
        double CreatedAtNoon, double CreatedAtMidnight, double ClosedBeforeCreated, double ZeroDuration,
        double ClosedAtMidnight, double ClosedAtNoon, double LateResolutionUpdate)
    {
        public static AgencyPatterns For(string agency, PublishedQualityRates rates) => new(
            rates.CreatedAtNoon.GetValueOrDefault(agency),
            rates.CreatedAtMidnight.GetValueOrDefault(agency),
            rates.ClosedBeforeCreated.GetValueOrDefault(agency),
            rates.ZeroDuration.GetValueOrDefault(agency),
            rates.ClosedAtMidnight.GetValueOrDefault(agency),
            rates.ClosedAtNoon.GetValueOrDefault(agency),
            rates.LateResolutionUpdate.GetValueOrDefault(agency));
    }
}
