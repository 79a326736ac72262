namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>
/// The columns of Prophet's seasonal feature matrix (<c>make_all_seasonality_features</c>): seasonalities,
/// then holidays, then extra regressors (or a single <c>zeros</c> column when there is nothing), with each
/// column's prior scale and mode, and the components built from them (<c>regressor_column_matrix</c>).
/// </summary>
internal sealed class FeatureLayout
{
    private const string Zeros = "zeros";

    private FeatureLayout(
        IReadOnlyList<ProphetSeasonality> seasonalities,
        HolidayColumns? holidays,
        IReadOnlyList<RegressorColumn> regressors,
        string[] columnNames,
        double[] priorScales,
        double[] additive,
        double[] multiplicative,
        IReadOnlyList<ComponentColumns> components)
    {
        Seasonalities = seasonalities;
        Holidays = holidays;
        Regressors = regressors;
        ColumnNames = columnNames;
        PriorScales = priorScales;
        Additive = additive;
        Multiplicative = multiplicative;
        Components = components;
    }

    public IReadOnlyList<ProphetSeasonality> Seasonalities { get; }

    public HolidayColumns? Holidays { get; }

    public IReadOnlyList<RegressorColumn> Regressors { get; }

    public string[] ColumnNames { get; }

    /// <summary>Normal prior standard deviation of each column (Stan's <c>sigmas</c>).</summary>
    public double[] PriorScales { get; }

    /// <summary>1 for additive columns (Stan's <c>s_a</c>).</summary>
    public double[] Additive { get; }

    /// <summary>1 for multiplicative columns (Stan's <c>s_m</c>).</summary>
    public double[] Multiplicative { get; }

    /// <summary>Components in Prophet's output order (sorted names, then missing totals).</summary>
    public IReadOnlyList<ComponentColumns> Components { get; }

    public int ColumnCount => ColumnNames.Length;

    public bool HasMultiplicativeColumns => Array.IndexOf(Multiplicative, 1.0) >= 0;

    public static FeatureLayout Create(
        IReadOnlyList<ProphetSeasonality> seasonalities,
        HolidayColumns? holidays,
        IReadOnlyList<RegressorColumn> regressors,
        SeasonalityMode holidaysMode)
    {
        var names = new List<string>();
        var priors = new List<double>();
        var additiveModes = new HashSet<string>(StringComparer.Ordinal);
        var multiplicativeModes = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string> ModeSet(SeasonalityMode mode) => mode == SeasonalityMode.Additive ? additiveModes : multiplicativeModes;

        foreach (var seasonality in seasonalities)
        {
            for (var i = 1; i <= 2 * seasonality.FourierOrder; i++)
            {
                names.Add($"{seasonality.Name}_delim_{i}");
                priors.Add(seasonality.PriorScale);
            }

            ModeSet(seasonality.Mode).Add(seasonality.Name);
        }

        if (holidays is not null)
        {
            names.AddRange(holidays.Names);
            priors.AddRange(holidays.PriorScales);
            foreach (var name in holidays.HolidayNames)
            {
                ModeSet(holidaysMode).Add(name);
            }
        }

        foreach (var regressor in regressors)
        {
            names.Add(regressor.Name);
            priors.Add(regressor.PriorScale);
            ModeSet(regressor.Mode).Add(regressor.Name);
        }

        if (names.Count == 0)
        {
            names.Add(Zeros);
            priors.Add(1.0);
        }

        var columnComponent = names.Select(HolidayColumns.ComponentOf).ToArray();
        var groups = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        void AddTo(string component, int column)
        {
            if (!groups.TryGetValue(component, out var set))
            {
                set = [];
                groups.Add(component, set);
            }

            set.Add(column);
        }

        void AddGroup(string group, ICollection<string> members)
        {
            for (var c = 0; c < columnComponent.Length; c++)
            {
                if (members.Contains(columnComponent[c]))
                {
                    AddTo(group, c);
                }
            }
        }

        for (var c = 0; c < columnComponent.Length; c++)
        {
            AddTo(columnComponent[c], c);
        }

        if (holidays is not null)
        {
            AddGroup("holidays", holidays.HolidayNames);
        }

        var additiveTotalsMembers = new HashSet<string>(additiveModes, StringComparer.Ordinal);
        var multiplicativeTotalsMembers = new HashSet<string>(multiplicativeModes, StringComparer.Ordinal);
        AddGroup("additive_terms", additiveTotalsMembers);
        AddGroup("extra_regressors_additive", regressors.Where(r => r.Mode == SeasonalityMode.Additive).Select(r => r.Name).ToHashSet(StringComparer.Ordinal));
        AddGroup("multiplicative_terms", multiplicativeTotalsMembers);
        AddGroup("extra_regressors_multiplicative", regressors.Where(r => r.Mode == SeasonalityMode.Multiplicative).Select(r => r.Name).ToHashSet(StringComparer.Ordinal));
        additiveModes.UnionWith(["additive_terms", "extra_regressors_additive"]);
        multiplicativeModes.UnionWith(["multiplicative_terms", "extra_regressors_multiplicative"]);
        ModeSet(holidaysMode).Add("holidays");

        var order = groups.Keys.ToList();
        order.Sort(StringComparer.Ordinal);
        foreach (var total in new[] { "additive_terms", "multiplicative_terms" })
        {
            if (!groups.ContainsKey(total))
            {
                order.Add(total);
                groups.Add(total, []);
            }
        }

        order.Remove(Zeros);
        var components = order
            .Select(name => new ComponentColumns(name, [.. groups[name]], additiveModes.Contains(name)))
            .ToArray();

        var additive = new double[names.Count];
        var multiplicative = new double[names.Count];
        foreach (var c in groups["additive_terms"])
        {
            additive[c] = 1;
        }

        foreach (var c in groups["multiplicative_terms"])
        {
            multiplicative[c] = 1;
        }

        return new FeatureLayout(seasonalities, holidays, regressors, [.. names], [.. priors], additive, multiplicative, components);
    }

    /// <summary>
    /// The row-major feature matrix for these dates; <paramref name="regressorValues"/> holds each regressor's
    /// raw values (in <see cref="Regressors"/> order), which are standardised here.
    /// </summary>
    public double[] Build(DateTime[] dates, IReadOnlyList<double[]> regressorValues)
    {
        var width = ColumnCount;
        var matrix = new double[dates.Length * width];
        var days = new double[dates.Length];
        for (var i = 0; i < dates.Length; i++)
        {
            days[i] = FourierSeries.DaysSinceEpoch(dates[i]);
        }

        var column = 0;
        foreach (var seasonality in Seasonalities)
        {
            FourierSeries.Fill(days, seasonality.Period, seasonality.FourierOrder, matrix, width, column);
            column += 2 * seasonality.FourierOrder;
        }

        if (Holidays is not null)
        {
            Holidays.Fill(dates, matrix, width, column);
            column += Holidays.Names.Length;
        }

        for (var r = 0; r < Regressors.Count; r++)
        {
            var regressor = Regressors[r];
            var values = regressorValues[r];
            for (var i = 0; i < dates.Length; i++)
            {
                matrix[(i * width) + column] = (values[i] - regressor.Mean) / regressor.Std;
            }

            column++;
        }

        return matrix;
    }
}
