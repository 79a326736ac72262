using Nyc311.Forecasting.Prophet;
using Nyc311.Forecasting.Prophet.Internal;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>REFERENCE.md D3 (deterministic preprocessing on Peyton) and T1 (growth initialisation).</summary>
public class PreprocessingTests
{
    private static readonly Lazy<PreparedFit> Peyton = new(() => ProphetPreprocessor.Prepare(TestData.Peyton, new ProphetOptions()));

    [Fact]
    public void Scaled_y_matches_the_published_head()
    {
        double[] expected = [0.746552, 0.663171, 0.637023, 0.628367, 0.614441, 0.605884, 0.654956, 0.687273, 0.652501, 0.628148];
        for (var i = 0; i < expected.Length; i++)
        {
            Peyton.Value.Data.Y[i].ShouldBe(expected[i], 5e-7);
        }
    }

    [Fact]
    public void Initial_parameters_match_calculate_initial_params()
    {
        var prepared = Peyton.Value;
        prepared.InitialK.ShouldBe(-0.05444079622224118, 1e-15);
        prepared.InitialM.ShouldBe(0.7465517318876905, 1e-15);
        prepared.Data.S.ShouldBe(25);
        prepared.Data.K.ShouldBe(26);
        var x = prepared.InitialVector();
        x.Skip(2).ShouldAllBe(v => v == 0.0);
    }

    [Fact]
    public void The_feature_matrix_matches_the_published_head()
    {
        // Columns shown by the docs: yearly_delim_1..10, 17..20 and weekly_delim_1..6 (11..16 are elided there).
        int[] columns = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25];
        double[][] rows =
        [
            [-0.377462, 0.926025, -0.699079, 0.715044, -0.917267, 0.398272, -0.999745, 0.022576, -0.934311, -0.356460, 0.335276, -0.942120, 0.666089, -0.745872, -4.338837e-01, -0.900969, 7.818315e-01, 0.623490, -9.749279e-01, -0.222521],
            [-0.361478, 0.932381, -0.674069, 0.738668, -0.895501, 0.445059, -0.995827, 0.091261, -0.961479, -0.274879, 0.185987, -0.982552, 0.528581, -0.848883, -9.749279e-01, -0.222521, 4.338837e-01, -0.900969, 7.818315e-01, 0.623490],
            [-0.345386, 0.938461, -0.648262, 0.761418, -0.871351, 0.490660, -0.987196, 0.159513, -0.981538, -0.191266, 0.032249, -0.999480, 0.375470, -0.926834, -7.818315e-01, 0.623490, -9.749279e-01, -0.222521, -4.338837e-01, -0.900969],
            [-0.329192, 0.944263, -0.621687, 0.783266, -0.844881, 0.534955, -0.973892, 0.227011, -0.994341, -0.106239, -0.122261, -0.992498, 0.211276, -0.977426, 5.505235e-14, 1.000000, 1.101047e-13, 1.000000, 1.984146e-12, 1.000000],
            [-0.312900, 0.949786, -0.594376, 0.804187, -0.816160, 0.577825, -0.955979, 0.293434, -0.999791, -0.020426, -0.273845, -0.961774, 0.040844, -0.999166, 7.818315e-01, 0.623490, 9.749279e-01, -0.222521, 4.338837e-01, -0.900969],
            [-0.296516, 0.955028, -0.566362, 0.824157, -0.785267, 0.619157, -0.933542, 0.358468, -0.997850, 0.065537, -0.418879, -0.908042, -0.130793, -0.991410, 9.749279e-01, -0.222521, -4.338837e-01, -0.900969, -7.818315e-01, 0.623490],
            [-0.280044, 0.959987, -0.537677, 0.843151, -0.752283, 0.658840, -0.906686, 0.421806, -0.988531, 0.151016, -0.553893, -0.832588, -0.298569, -0.954388, 4.338837e-01, -0.900969, -7.818315e-01, 0.623490, 9.749279e-01, -0.222521],
            [-0.263489, 0.964662, -0.508356, 0.861147, -0.717295, 0.696769, -0.875539, 0.483147, -0.971904, 0.235379, -0.675656, -0.737217, -0.457531, -0.889193, -4.338837e-01, -0.900969, 7.818315e-01, 0.623490, -9.749279e-01, -0.222521],
            [-0.246857, 0.969052, -0.478434, 0.878124, -0.680398, 0.732843, -0.840248, 0.542202, -0.948090, 0.318001, -0.781257, -0.624210, -0.602988, -0.797750, -9.749279e-01, -0.222521, 4.338837e-01, -0.900969, 7.818315e-01, 0.623490],
            [-0.230151, 0.973155, -0.447945, 0.894061, -0.641689, 0.766965, -0.800980, 0.598691, -0.917267, 0.398272, -0.868168, -0.496271, -0.730644, -0.682758, -7.818315e-01, 0.623490, -9.749279e-01, -0.222521, -4.338837e-01, -0.900969],
        ];
        var data = Peyton.Value.Data;
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                // Six printed decimals; the e-13/e-12 entries are floating-point zeros.
                data.Features[(r * data.K) + columns[c]].ShouldBe(rows[r][c], 5e-7);
            }
        }

        Peyton.Value.Layout.ColumnNames.Take(2).ShouldBe(["yearly_delim_1", "yearly_delim_2"]);
        Peyton.Value.Layout.ColumnNames[^1].ShouldBe("weekly_delim_6");
    }

    [Fact]
    public void Scaled_time_runs_from_0_to_1_over_the_history()
    {
        var t = Peyton.Value.Data.Time;
        t[0].ShouldBe(0.0);
        t[^1].ShouldBe(1.0);
    }

    // T1: the first 468 rows of data.csv with cap = max(y).
    [Theory]
    [InlineData(ProphetScaling.AbsMax, ProphetGrowth.Linear, 0.3055671, 0.5307511, 1e-6)]
    [InlineData(ProphetScaling.AbsMax, ProphetGrowth.Logistic, 1.507925, -0.08167497, 1e-4)]
    [InlineData(ProphetScaling.AbsMax, ProphetGrowth.Flat, 0.0, 0.49335657, 1e-4)]
    [InlineData(ProphetScaling.MinMax, ProphetGrowth.Linear, 0.4053406, 0.3775322, 1e-6)]
    [InlineData(ProphetScaling.MinMax, ProphetGrowth.Logistic, 1.782523, 0.280521, 1e-4)]
    [InlineData(ProphetScaling.MinMax, ProphetGrowth.Flat, 0.0, 0.32792770, 1e-4)]
    public void Growth_initialisation_matches_Prophets_unit_test(ProphetScaling scaling, ProphetGrowth growth, double k, double m, double tolerance)
    {
        var train = TestData.Head(TestData.DailyUnivariate, 468);
        var cap = train.Values!.Max();
        var data = new ProphetData(train.Dates, train.Values) { Cap = Enumerable.Repeat(cap, train.Count).ToArray() };
        var prepared = ProphetPreprocessor.Prepare(data, new ProphetOptions { Growth = growth, Scaling = scaling });

        // Linear cases: pytest's approx (relative 1e-6); the others: the absolute tolerance of the test.
        var relative = growth == ProphetGrowth.Linear;
        prepared.InitialK.ShouldBe(k, relative ? Math.Abs(k) * tolerance : tolerance);
        prepared.InitialM.ShouldBe(m, relative ? Math.Abs(m) * tolerance : tolerance);
    }
}
