using Nyc311.Simulation.Calibration;
using Nyc311.Simulation.Generation;

namespace Nyc311.Simulation;

/// <summary>
/// The calibrated NYC 311 simulator. Each day holds exactly the real number of requests created
/// that day (<see cref="DailyTotals"/>), split by the calibrated complaint mix, and is generated
/// from a seed derived from (seed, date): the same options give the same records whatever range,
/// order or thread produces them. Days are produced lazily, one at a time.
/// </summary>
public sealed class ServiceRequestSimulator
{
    private readonly SimulatorOptions _options;

    /// <summary>Validates the options; throws a <see cref="SimulationException"/> naming the first invalid one.</summary>
    public ServiceRequestSimulator(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The options this simulator was built with.</summary>
    public SimulatorOptions Options => _options;

    /// <summary>
    /// One day's records. Any day of the calibrated series can be asked for, inside the options'
    /// range or not, as long as it ends before <see cref="SimulatorOptions.PublishedAsOf"/>.
    /// </summary>
    public SimulatedDay GenerateDay(DateOnly date) => GenerateDay(date, new DayGenerator(_options));

    /// <summary>The days from <see cref="SimulatorOptions.From"/> to <see cref="SimulatorOptions.To"/>, generated as enumerated.</summary>
    public IEnumerable<SimulatedDay> GenerateDays()
    {
        var generator = new DayGenerator(_options);
        for (var date = _options.From; date <= _options.To; date = date.AddDays(1))
        {
            yield return GenerateDay(date, generator);
        }
    }

    /// <summary>Every record of the range in file order, generated a day at a time (never the whole range in memory).</summary>
    public IEnumerable<SimulatedRequest> Generate() => GenerateDays().SelectMany(d => d.Records);

    private SimulatedDay GenerateDay(DateOnly date, DayGenerator generator)
    {
        var totals = DailyTotals.Real;
        if (!totals.Covers(date))
        {
            throw SimulationException.RangeOutsideCalibration(date, date, totals.First, totals.Last);
        }

        if (_options.PublishedAsOf < date.AddDays(1).ToDateTime(TimeOnly.MinValue))
        {
            throw SimulationException.InvalidOption(nameof(SimulatorOptions.PublishedAsOf), $"is before the end of {date:yyyy-MM-dd}");
        }

        var requests = totals.RequestsOn(date);
        return new SimulatedDay(date, requests is null, requests ?? 0, generator.Generate(date));
    }
}
