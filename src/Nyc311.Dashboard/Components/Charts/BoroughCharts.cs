using Nyc311.Dashboard.Data;
using Nyc311.Dashboard.Filters;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Nyc311.Dashboard.Components.Charts;

/// <summary>Charts of the boroughs page.</summary>
internal static class BoroughCharts
{
    /// <summary>One line of daily requests per borough.</summary>
    public static ChartSpec Daily(string name, IReadOnlyList<SeriesFrame> boroughs, int height = 340)
    {
        ArgumentNullException.ThrowIfNull(boroughs);
        var traces = new List<ITrace>();
        for (var i = 0; i < boroughs.Count; i++)
        {
            var days = boroughs[i].Points.Where(p => p.Actual is not null).ToList();
            traces.Add(new Scatter
            {
                Name = BoroughNames.Display(boroughs[i].Series.Borough),
                X = SeriesCharts.Dates(days.Select(p => p.Date)),
                Y = [.. days.Select(p => (object)p.Actual!.Value)],
                Mode = ModeFlag.Lines,
                Line = new Line { Color = ChartTheme.Color(i), Width = 2 },
            });
        }

        return new ChartSpec(name, traces, ChartTheme.Layout(height, "requests per day"), boroughs.Sum(b => b.Points.Count(p => p.Actual is not null)));
    }
}
