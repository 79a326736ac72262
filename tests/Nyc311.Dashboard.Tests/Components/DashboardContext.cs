using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Nyc311.Dashboard.Tests.Fixtures;

namespace Nyc311.Dashboard.Tests.Components;

/// <summary>
/// A bunit context with the dashboard's real services over a <see cref="SmallLake"/>, the address's query values supplied
/// to pages as in the app, and JavaScript interop answered loosely (plotly.js has no place here: a chart's traces are
/// checked on the <c>PlotlyView</c> that holds them).
/// </summary>
internal static class DashboardContext
{
    public static BunitContext Create(SmallLake lake, string address = "/")
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        lake.Register(context.Services, actor: "bunit");
        context.Services.AddSupplyValueFromQueryProvider();
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        // As in the app's circuit (the prerendering pass is seen in the end-to-end tests).
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    public static NavigationManager Navigation(this BunitContext context) => context.Services.GetRequiredService<NavigationManager>();

    /// <summary>Waits until the page says its data is shown.</summary>
    public static void WaitUntilLoaded<T>(this IRenderedComponent<T> page)
        where T : IComponent =>
        page.WaitForState(() => page.FindAll("[data-loaded='true']").Count == 1, TimeSpan.FromSeconds(30));
}
