namespace Nyc311.Dashboard.Components.Layout;

/// <summary>The pages of the menu, in its order: path (relative to the base address) and label.</summary>
internal static class DashboardPages
{
    public static IReadOnlyList<(string Path, string Label)> Menu { get; } =
    [
        ("", "Overview"), ("trends", "Trends"), ("incidents", "Incidents"), ("boroughs", "Boroughs"), ("response-times", "Response times"), ("health", "Data health"),
    ];
}
