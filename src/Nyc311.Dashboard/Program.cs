var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "NYC 311 dashboard");
app.Run();
