using Nyc311.Benchmarks;

// dotnet run -c Release --project bench/Nyc311.Benchmarks -- <benchmark> [options]
var name = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
return name switch
{
    "lake" => LakeBenchmark.Run(BenchmarkArgs.Parse(rest)),
    "ingest" => await IngestBenchmark.RunAsync(BenchmarkArgs.Parse(rest)),
    "pipeline" => await PipelineBenchmark.RunAsync(BenchmarkArgs.Parse(rest)),
    "forecast" => ForecastBenchmark.Run(BenchmarkArgs.Parse(rest)),
    "detect" => DetectBenchmark.Run(BenchmarkArgs.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("""
        Benchmarks (each prints figures and a ratio to a baseline measured in the same run):
          lake [--rows N] [--merge-keys N]      append N rows (default 10,000,000) vs DuckDB COPY, then merge updated keys
          ingest [--records N]                  ingest N records (default 1,000,000) from the loopback API and from a file vs download/read only
          pipeline [--from D --to D] [--incremental-years 1,10] [--skip-rebuild true]
                                                silver+gold full rebuild (default 2010..2026, ~45M rows) vs DuckDB on plain Parquet;
                                                one-day incremental on 1 and 10 years of history
          forecast [--from D --to D] [--models a,b] [--min-daily N] [--accuracy-series N] [--stage true|false] [--lake DIR]
                                                fit+forecast every series of two years of simulated gold per model; MASE and coverage
                                                vs seasonal naive on the real citywide totals and simulated series; nyc311 run's forecast stage
          detect [--budget P] [--methods a,b] [--sim-series N] [--sim-from D --sim-to D] [--prophet true|false] [--dump METHOD]
                                                issue 7's evaluation: recall, precision, delay and alerts per normal day of each detector
                                                (plain forecast interval included) at a fixed false-alarm budget and at the production FDR
        """);
    return 2;
}
