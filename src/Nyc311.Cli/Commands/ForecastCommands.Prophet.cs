using System.CommandLine;
using System.Globalization;
using Nyc311.Cli.Hosting;
using Nyc311.Forecasting.Prophet;
using Nyc311.Forecasting.Prophet.Csv;

namespace Nyc311.Cli.Commands;

/// <summary><c>nyc311 forecast --input FILE.csv --model prophet</c>: the Prophet-equivalent model on a file, as analysts run Prophet.</summary>
internal static partial class ForecastCommands
{
    private static void RunProphet(CliContext context, ProphetFileOptions options, ParseResult parse)
    {
        var job = options.Job(parse);
        var (model, forecast) = ProphetCsv.Run(job);
        if (job.OutputPath is null)
        {
            ProphetCsv.WriteForecast(forecast, context.Output);
            return;
        }

        context.Output.WriteLine(
            $"forecast: prophet fitted on {model.HistoryDates.Count:N0} rows of {Path.GetFileName(job.InputPath)} ({model.FitInfo.Algorithm}, {model.FitInfo.Iterations} iterations); " +
            $"{forecast.Dates.Count:N0} rows x {forecast.Columns.Count + 1} columns written to {job.OutputPath}");
    }

    /// <summary>The stand-alone Prophet options, named as Prophet's arguments.</summary>
    private sealed class ProphetFileOptions
    {
        private readonly Option<string?> _input = new("--input") { Description = "Prophet mode: a CSV file with columns ds and y (optionally cap, floor)" };
        private readonly Option<string?> _model = new("--model") { Description = "Prophet mode: the model (prophet)" };
        private readonly Option<int?> _periods = new("--periods") { Description = "Prophet mode: future periods to forecast (default 365)" };
        private readonly Option<string?> _freq = new("--freq") { Description = "Prophet mode: spacing of future dates: auto, D, W, H, MS, M or e.g. 5min (default auto)" };
        private readonly Option<string?> _mode = new("--seasonality-mode") { Description = "Prophet mode: additive or multiplicative (default additive)" };
        private readonly Option<string?> _yearly = new("--yearly") { Description = "Prophet mode: yearly seasonality auto|true|false|ORDER (default auto)" };
        private readonly Option<string?> _weekly = new("--weekly") { Description = "Prophet mode: weekly seasonality auto|true|false|ORDER (default auto)" };
        private readonly Option<string?> _daily = new("--daily") { Description = "Prophet mode: daily seasonality auto|true|false|ORDER (default auto)" };
        private readonly Option<string?> _holidays = new("--holidays") { Description = "Prophet mode: holidays CSV (holiday, ds, lower_window, upper_window, prior_scale)" };
        private readonly Option<double?> _changepoint = new("--changepoint-prior-scale") { Description = "Prophet mode: trend flexibility (default 0.05)" };
        private readonly Option<double?> _seasonality = new("--seasonality-prior-scale") { Description = "Prophet mode: seasonality strength (default 10)" };
        private readonly Option<double?> _holidayScale = new("--holidays-prior-scale") { Description = "Prophet mode: holiday strength (default 10)" };
        private readonly Option<int?> _samples = new("--uncertainty-samples") { Description = "Prophet mode: simulated paths for the intervals (default 1000; 0 for none)" };
        private readonly Option<bool> _futureOnly = new("--future-only") { Description = "Prophet mode: write only the future rows (Prophet's include_history=False)" };
        private readonly Option<bool> _clamp = new("--clamp-at-zero") { Description = "Prophet mode: floor the forecast and its bounds at 0 (counts)" };
        private readonly Option<string?> _output = new("--output") { Description = "Prophet mode: the forecast CSV with Prophet's columns (default: standard output)" };

        private IEnumerable<Option> All => [_input, _model, _periods, _freq, _mode, _yearly, _weekly, _daily, _holidays, _changepoint, _seasonality, _holidayScale, _samples, _futureOnly, _clamp, _output];

        public void AddTo(Command command)
        {
            foreach (var option in All)
            {
                command.Options.Add(option);
            }
        }

        public bool IsFileMode(ParseResult parse) => parse.GetValue(_input) is not null;

        /// <summary>Outside Prophet mode, its options make no sense (the shared --interval-width and --seed are fine).</summary>
        public void EnsureUnused(ParseResult parse)
        {
            foreach (var option in All)
            {
                if (parse.GetResult(option) is { Implicit: false })
                {
                    throw new CliUsageException($"{option.Name} belongs to Prophet mode, which needs --input FILE.csv");
                }
            }
        }

        public ProphetCsvJob Job(ParseResult parse)
        {
            var model = parse.GetValue(_model) ?? "prophet";
            if (!model.Equals("prophet", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliUsageException($"--model '{model}': a file is forecast with the Prophet-equivalent model only (--model prophet); the other models run on the lake");
            }

            var defaults = new ProphetOptions();
            var width = parse.GetValue<double>("--interval-width");
            var prophet = defaults with
            {
                SeasonalityMode = parse.GetValue(_mode) is { } mode ? ProphetCsv.ParseMode(mode) : defaults.SeasonalityMode,
                YearlySeasonality = parse.GetValue(_yearly) is { } yearly ? SeasonalitySetting.Parse(yearly, "yearly") : defaults.YearlySeasonality,
                WeeklySeasonality = parse.GetValue(_weekly) is { } weekly ? SeasonalitySetting.Parse(weekly, "weekly") : defaults.WeeklySeasonality,
                DailySeasonality = parse.GetValue(_daily) is { } daily ? SeasonalitySetting.Parse(daily, "daily") : defaults.DailySeasonality,
                ChangepointPriorScale = parse.GetValue(_changepoint) ?? defaults.ChangepointPriorScale,
                SeasonalityPriorScale = parse.GetValue(_seasonality) ?? defaults.SeasonalityPriorScale,
                HolidaysPriorScale = parse.GetValue(_holidayScale) ?? defaults.HolidaysPriorScale,
                UncertaintySamples = parse.GetValue(_samples) ?? defaults.UncertaintySamples,
                IntervalWidth = width,
                Seed = parse.GetValue<int>("--seed"),
                ClampAtZero = parse.GetValue(_clamp),
            };
            var periods = parse.GetValue(_periods) ?? 365;
            if (periods < 0)
            {
                throw new CliUsageException($"--periods {periods.ToString(CultureInfo.InvariantCulture)} must be 0 or more");
            }

            return new ProphetCsvJob
            {
                InputPath = parse.GetValue(_input)!,
                OutputPath = parse.GetValue(_output),
                HolidaysPath = parse.GetValue(_holidays),
                Periods = periods,
                Frequency = parse.GetValue(_freq) is { } freq ? ProphetCsv.ParseFrequency(freq) : null,
                Options = prophet,
                IncludeHistory = !parse.GetValue(_futureOnly),
            };
        }
    }
}
