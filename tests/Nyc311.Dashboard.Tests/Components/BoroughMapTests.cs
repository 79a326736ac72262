using Bunit;
using Nyc311.Dashboard.Components.Charts;
using Nyc311.Dashboard.Geo;

namespace Nyc311.Dashboard.Tests.Components;

public sealed class BoroughMapTests
{
    [Fact]
    public async Task The_five_bundled_shapes_are_coloured_by_volume_darkest_for_the_busiest()
    {
        await using var context = new BunitContext();
        var values = new Dictionary<string, double?> { ["MANHATTAN"] = 100, ["BRONX"] = 50, ["BROOKLYN"] = 400, ["QUEENS"] = 0, ["STATEN ISLAND"] = null };
        var cut = context.Render<BoroughMap>(p => p.Add(x => x.Values, values).Add(x => x.Mode, "volume"));

        cut.Find("figure").GetAttribute("data-map").ShouldBe("volume");
        var fills = cut.FindAll("path[data-borough]").ToDictionary(p => p.GetAttribute("data-borough")!, p => p.GetAttribute("fill")!);
        fills.Keys.ShouldBe(Nyc311.Domain.Boroughs.All, ignoreOrder: true);
        fills["BROOKLYN"].ShouldBe("rgb(8,81,156)");
        fills["QUEENS"].ShouldBe("rgb(222,235,247)");
        fills["STATEN ISLAND"].ShouldBe("#d9d9d9");
        cut.FindAll("path[data-borough]").ShouldAllBe(p => p.GetAttribute("d")!.StartsWith('M'));
        BoroughShapes.All.Count.ShouldBe(5);
    }

    [Fact]
    public async Task By_excess_boroughs_above_expected_are_red_below_blue_and_a_click_names_the_borough()
    {
        await using var context = new BunitContext();
        string? clicked = null;
        var values = new Dictionary<string, double?> { ["MANHATTAN"] = 0.5, ["BRONX"] = -0.5, ["BROOKLYN"] = 0, ["QUEENS"] = 0.25, ["STATEN ISLAND"] = -0.1 };
        var cut = context.Render<BoroughMap>(p => p.Add(x => x.Values, values).Add(x => x.Mode, "excess").Add(x => x.OnBoroughClick, b => clicked = b));

        var fills = cut.FindAll("path[data-borough]").ToDictionary(p => p.GetAttribute("data-borough")!, p => p.GetAttribute("fill")!);
        fills["MANHATTAN"].ShouldBe("rgb(178,24,43)");
        fills["BRONX"].ShouldBe("rgb(33,102,172)");
        fills["BROOKLYN"].ShouldBe("rgb(240,240,240)");
        cut.Find("figcaption").TextContent.ShouldContain("+50.0% above");

        cut.Find("path[data-borough='QUEENS']").Click();
        clicked.ShouldBe("QUEENS");
    }
}
