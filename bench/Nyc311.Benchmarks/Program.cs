using Nyc311.Benchmarks;

// dotnet run -c Release --project bench/Nyc311.Benchmarks -- <benchmark> [options]
var name = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
return name switch
{
    "lake" => LakeBenchmark.Run(BenchmarkArgs.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("""
        Benchmarks (each prints figures and a ratio to a baseline measured in the same run):
          lake [--rows N] [--merge-keys N] [--folder DIR]   append N rows (default 10,000,000), then merge updated keys
        """);
    return 2;
}
