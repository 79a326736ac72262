namespace Nyc311.Forecasting.Prophet.Csv;

/// <summary>Parsing one row of each file into a value or a reason.</summary>
public static partial class ProphetCsv
{
    private readonly record struct SeriesRow(DateTime Date, double Y, double Cap, double Floor, string? Error)
    {
        public static SeriesRow Parse(CsvRecord record, int ds, int y, int? cap, int? floor)
        {
            var fields = record.Fields;
            var needed = Math.Max(Math.Max(ds, y), Math.Max(cap ?? -1, floor ?? -1));
            if (fields.Length <= needed)
            {
                return Fail($"expected at least {needed + 1} fields, found {fields.Length}");
            }

            var date = CsvValues.ParseDate(fields[ds], "ds");
            if (!date.Ok)
            {
                return Fail(date.Error!);
            }

            var value = CsvValues.ParseNumber(fields[y], "y");
            if (!value.Ok)
            {
                return Fail(value.Error!);
            }

            var capValue = cap is { } c ? CsvValues.ParseNumber(fields[c], "cap") : FieldResult<double>.Success(double.NaN);
            if (!capValue.Ok)
            {
                return Fail(capValue.Error!);
            }

            var floorValue = floor is { } f ? CsvValues.ParseNumber(fields[f], "floor") : FieldResult<double>.Success(double.NaN);
            return floorValue.Ok
                ? new SeriesRow(date.Value, value.Value, capValue.Value, floorValue.Value, null)
                : Fail(floorValue.Error!);
        }

        private static SeriesRow Fail(string error) => new(default, double.NaN, double.NaN, double.NaN, error);
    }

    private readonly record struct HolidayRow(ProphetHoliday Value, string? Error)
    {
        public static HolidayRow Parse(CsvRecord record, int name, int ds, int? lower, int? upper, int? prior)
        {
            var fields = record.Fields;
            string Field(int? index) => index is { } i && i < fields.Length ? fields[i] : string.Empty;
            var holiday = Field(name).Trim();
            if (holiday.Length == 0)
            {
                return Fail("column 'holiday' is empty");
            }

            var date = CsvValues.ParseDate(Field(ds), "ds");
            if (!date.Ok)
            {
                return Fail(date.Error!);
            }

            var lowerWindow = CsvValues.ParseWholeNumber(Field(lower), "lower_window", 0);
            if (!lowerWindow.Ok)
            {
                return Fail(lowerWindow.Error!);
            }

            var upperWindow = CsvValues.ParseWholeNumber(Field(upper), "upper_window", 0);
            if (!upperWindow.Ok)
            {
                return Fail(upperWindow.Error!);
            }

            var priorScale = CsvValues.ParseNumber(Field(prior), "prior_scale");
            if (!priorScale.Ok)
            {
                return Fail(priorScale.Error!);
            }

            if (lowerWindow.Value > 0 || upperWindow.Value < 0)
            {
                return Fail("lower_window must be 0 or less and upper_window 0 or more");
            }

            if (!double.IsNaN(priorScale.Value) && priorScale.Value <= 0)
            {
                return Fail("prior_scale must be positive");
            }

            return new HolidayRow(
                new ProphetHoliday(
                    holiday,
                    DateOnly.FromDateTime(date.Value),
                    lowerWindow.Value,
                    upperWindow.Value,
                    double.IsNaN(priorScale.Value) ? null : priorScale.Value),
                null);
        }

        private static HolidayRow Fail(string error) => new(null!, error);
    }
}
