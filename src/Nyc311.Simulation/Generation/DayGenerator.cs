using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Geography;
using Nyc311.Simulation.Model;

namespace Nyc311.Simulation.Generation;

/// <summary>
/// Generates one day from its own random streams (seed, date, purpose), so a day's records never
/// depend on which other days are generated, in what order or on which thread. Not thread-safe:
/// use one instance per thread.
/// </summary>
internal sealed class DayGenerator
{
    private readonly SimulatorOptions _options;
    private readonly MixModel _mix;
    private readonly RequestBuilder _builder;
    private readonly QualityInjector _quality;

    public DayGenerator(SimulatorOptions options)
    {
        _options = options;
        _mix = MixCalibration.Real;
        _builder = new RequestBuilder(_mix, LocationPool.Instance, options.PublishedAsOf, options.LocationShape);
        _quality = new QualityInjector(options.QualityRates, PublishedQualityRates.Real, NycMap.Instance, options.PublishedAsOf, _mix.Tables.Types);
    }

    public IReadOnlyList<SimulatedRequest> Generate(DateOnly date)
    {
        if (_mix.Totals.RequestsOn(date) is not { } total)
        {
            return [];
        }

        var drafts = Draft(date, total);
        var quality = SimulationRandom.For(_options.Seed, date, RandomStream.Quality);
        if (_options.IncludeQualityProblems)
        {
            _quality.InjectValueProblems(drafts, quality);
        }

        // File order is creation order, as in the portal's export; ties keep generation order.
        SortByCreation(drafts);
        UniqueKeys.Real.Assign(drafts, date, SimulationRandom.For(_options.Seed, date, RandomStream.Keys));
        foreach (var draft in drafts)
        {
            draft.RowId = SimulationRandom.Mix((ulong)(uint)_options.Seed, (ulong)draft.UniqueKey, (ulong)draft.Sequence);
        }

        return _options.IncludeQualityProblems ? _quality.InjectRecordProblems(drafts, quality) : drafts;
    }

    /// <summary>The day's drafts in generation order: fixed counts first, then the proportional draw.</summary>
    private List<SimulatedRequest> Draft(DateOnly date, int total)
    {
        var mix = _mix.For(date, total);
        var types = _mix.Tables.Types;
        var random = SimulationRandom.For(_options.Seed, date, RandomStream.Records);
        var fixedCounts = mix.RoundedFixedCounts();
        var drafts = new List<SimulatedRequest>(total);
        for (var t = 0; t < fixedCounts.Length; t++)
        {
            for (var i = 0; i < fixedCounts[t]; i++)
            {
                drafts.Add(_builder.Build(types[t], drafts.Count, date, random));
            }
        }

        var table = new AliasTable(mix.Weights);
        while (drafts.Count < total)
        {
            drafts.Add(_builder.Build(types[table.Sample(random)], drafts.Count, date, random));
        }

        return drafts;
    }

    private static void SortByCreation(List<SimulatedRequest> requests)
    {
        // One integer key per request (seconds since year 1, then generation order) sorts without a
        // comparison delegate and without ties, so the order is the same on every runtime.
        var keys = new long[requests.Count];
        var items = requests.ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            keys[i] = ((items[i].Created.Ticks / TimeSpan.TicksPerSecond) << 22) | (uint)items[i].Sequence;
        }

        Array.Sort(keys, items);
        requests.Clear();
        requests.AddRange(items);
    }
}
