using Nyc311.Dashboard;

// `dotnet run --project src/Nyc311.Dashboard [-- --lake DIR --port N]`; `nyc311 serve` hosts the same app.
var lake = Argument("--lake") ?? Environment.GetEnvironmentVariable("NYC311_LAKE") ?? "./lake";
var port = int.TryParse(Argument("--port"), System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : DashboardOptions.DefaultPort;
var app = DashboardApp.Build(new DashboardOptions { LakeRoot = lake, Port = port, EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production" });
await app.StartAsync();
Console.WriteLine($"NYC 311 dashboard on {DashboardApp.ListeningUri(app)} (lake {Path.GetFullPath(lake)}); Ctrl+C stops it");
await app.WaitForShutdownAsync();

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
