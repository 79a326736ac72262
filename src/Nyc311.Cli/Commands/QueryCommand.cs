using System.CommandLine;
using Nyc311.Cli.Hosting;
using Nyc311.Lake.Catalog;

namespace Nyc311.Cli.Commands;

/// <summary><c>nyc311 query "SQL"</c>: read-only DuckDB SQL over every table of the lake as <c>layer.table</c>.</summary>
internal static class QueryCommand
{
    public static Command Build(CliContext context)
    {
        var sql = new Argument<string>("sql") { Description = "A SELECT over the lake's tables, e.g. \"SELECT count(*) FROM silver.service_requests\"" };
        var format = CommandSupport.FormatOption();
        var limit = new Option<long?>("--limit") { Description = "Print at most this many rows" };
        var command = new Command("query", "Run read-only SQL (DuckDB dialect) in which every lake table is the view layer.table") { sql, format, limit };
        command.SetHandler(context, (parse, services) =>
        {
            var catalog = services.Get<LakeCatalog>();
            var text = parse.GetValue(sql)!;
            using var db = catalog.OpenQueryConnection(readOnly: true);
            LakeCatalog.EnsureReadOnly(db, text);
            using var command = db.CreateCommand();
            command.CommandText = text;
            using var reader = command.ExecuteReader();
            Output.ResultWriter.Write(reader, parse.GetFormat(format), context.Console, context.Output, parse.GetValue(limit));
            return ExitCodes.Success;
        });
        return command;
    }
}
