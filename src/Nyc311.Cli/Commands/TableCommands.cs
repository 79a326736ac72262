using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nyc311.Cli.Hosting;
using Nyc311.Cli.Output;
using Nyc311.Lake;
using Nyc311.Lake.Catalog;
using Nyc311.Lake.Operations;
using Nyc311.Lake.Snapshot;
using Nyc311.Lake.Sql;
using Spectre.Console;

namespace Nyc311.Cli.Commands;

/// <summary><c>nyc311 table list|info|history|show|optimize|vacuum</c>: inspect and maintain Delta tables.</summary>
internal static class TableCommands
{
    public static Command Build(CliContext context)
    {
        var table = new Command("table", "Inspect and maintain the lake's Delta tables (PATH is a folder or layer.table)");
        table.Subcommands.Add(List(context));
        table.Subcommands.Add(Info(context));
        table.Subcommands.Add(History(context));
        table.Subcommands.Add(Show(context));
        table.Subcommands.Add(Optimize(context));
        table.Subcommands.Add(Vacuum(context));
        return table;
    }

    private static Argument<string> PathArgument() => new("path") { Description = "Table folder, or layer.table under the lake root" };

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the tables under the lake root");
        command.SetHandler(context, (_, services) =>
        {
            var catalog = services.Get<LakeCatalog>();
            var grid = new Table().Border(TableBorder.Rounded).AddColumns("table", "version", "files", "rows", "size");
            foreach (var entry in catalog.Tables())
            {
                var snapshot = DeltaTable.Open(entry.Path, catalog.Options).LoadSnapshot();
                grid.AddRow(entry.QualifiedName, $"{snapshot.Version}", $"{snapshot.Files.Count:N0}", snapshot.NumRecords is { } n ? $"{n:N0}" : "?", Bytes(snapshot.SizeInBytes));
            }

            context.Console.Write(grid);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Info(CliContext context)
    {
        var path = PathArgument();
        var json = new Option<bool>("--json") { Description = "Print a JSON object" };
        var command = new Command("info", "Version, files, rows, partitioning, schema and protocol of a table") { path, json };
        command.SetHandler(context, (parse, services) =>
        {
            var snapshot = services.Get<LakeCatalog>().Open(parse.GetValue(path)!).LoadSnapshot();
            var info = InfoJson(snapshot);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(info.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("path", Markup.Escape(snapshot.TableRoot));
            grid.AddRow("version", $"{snapshot.Version} ({snapshot.Timestamp:yyyy-MM-dd HH:mm:ss}Z)");
            grid.AddRow("files", $"{snapshot.Files.Count:N0} ({Bytes(snapshot.SizeInBytes)})");
            grid.AddRow("records", snapshot.NumRecords is { } n ? $"{n:N0}" : "unknown (files without statistics)");
            grid.AddRow("partitioned by", snapshot.PartitionColumns.Count == 0 ? "-" : Markup.Escape(string.Join(", ", snapshot.PartitionColumns)));
            grid.AddRow("protocol", Markup.Escape(ProtocolText(snapshot)));
            context.Console.Write(grid);
            var schema = new Table().Border(TableBorder.Rounded).AddColumns("column", "type", "nullable");
            foreach (var field in snapshot.Schema.Fields)
            {
                schema.AddRow(Markup.Escape(field.Name), Markup.Escape(field.Type.SimpleString), field.Nullable ? "yes" : "no");
            }

            context.Console.Write(schema);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command History(CliContext context)
    {
        var path = PathArgument();
        var json = new Option<bool>("--json") { Description = "Print one JSON object per commit" };
        var limit = new Option<int?>("--limit") { Description = "Only the newest N commits" };
        var command = new Command("history", "Commits of a table, newest first: operation, parameters, metrics") { path, json, limit };
        command.SetHandler(context, (parse, services) =>
        {
            var history = services.Get<LakeCatalog>().Open(parse.GetValue(path)!).History(parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                var array = new JsonArray([.. history.Select(h => (JsonNode)new JsonObject
                {
                    ["version"] = h.Version,
                    ["timestamp"] = h.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    ["operation"] = h.Operation,
                    ["operationParameters"] = ToJson(h.Parameters),
                    ["operationMetrics"] = ToJson(h.Metrics),
                    ["readVersion"] = h.ReadVersion,
                    ["isBlindAppend"] = h.IsBlindAppend,
                    ["engineInfo"] = h.EngineInfo,
                    ["userMetadata"] = h.UserMetadata,
                })]);
                context.Output.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }

            var grid = new Table().Border(TableBorder.Rounded).AddColumns("version", "timestamp (UTC)", "operation", "parameters", "metrics");
            foreach (var h in history)
            {
                grid.AddRow(
                    $"{h.Version}",
                    h.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(h.Operation),
                    Markup.Escape(string.Join(", ", h.Parameters.Select(kv => $"{kv.Key}={kv.Value}"))),
                    Markup.Escape(string.Join(", ", h.Metrics.Select(kv => $"{kv.Key}={kv.Value}"))));
            }

            context.Console.Write(grid);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var path = PathArgument();
        var version = new Option<long?>("--version") { Description = "Read this version (time travel)" };
        var timestamp = new Option<string?>("--timestamp") { Description = "Read the version current at this time (ISO 8601, UTC unless an offset is given)" };
        var limit = new Option<long>("--limit") { Description = "Rows to print", DefaultValueFactory = _ => 20 };
        var format = CommandSupport.FormatOption();
        var command = new Command("show", "Print a table's rows, optionally as of an earlier version or time") { path, version, timestamp, limit, format };
        command.SetHandler(context, (parse, services) =>
        {
            if (parse.GetValue(version) is not null && parse.GetValue(timestamp) is not null)
            {
                throw new CliUsageException("give --version or --timestamp, not both");
            }

            var table = services.Get<LakeCatalog>().Open(parse.GetValue(path)!);
            var snapshot = parse.GetValue(timestamp) is { } at ? table.LoadSnapshotAsOf(ParseInstant(at, "--timestamp"))
                : table.LoadSnapshot(parse.GetValue(version));
            using var db = LakeDuckDb.Open();
            using var command = db.CreateCommand();
            command.CommandText = $"SELECT * FROM ({table.SelectSql(db, snapshot)}) LIMIT {parse.GetValue(limit)}";
            using var reader = command.ExecuteReader();
            ResultWriter.Write(reader, parse.GetFormat(format), context.Console, context.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Optimize(CliContext context)
    {
        var path = PathArgument();
        var target = new Option<long?>("--target-size-mb") { Description = "Target file size in MiB (default: Lake:TargetFileSizeBytes)" };
        var command = new Command("optimize", "Compact small files into larger ones (bin-packing; the data does not change)") { path, target };
        command.SetHandler(context, (parse, services) =>
        {
            var table = services.Get<LakeCatalog>().Open(parse.GetValue(path)!);
            using var db = LakeDuckDb.Open();
            var result = table.Optimize(db, new OptimizeOptions { TargetFileSizeBytes = parse.GetValue(target) * 1024 * 1024 });
            context.Output.WriteLine(result.Version is null
                ? "nothing to optimize: no partition has two or more small files"
                : $"optimized version {result.Version}: {result.FilesRemoved} files ({Bytes(result.BytesRemoved)}) compacted into {result.FilesAdded} ({Bytes(result.BytesAdded)}) in {result.PartitionsOptimized} partition(s)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Vacuum(CliContext context)
    {
        var path = PathArgument();
        var hours = new Option<double?>("--retention-hours") { Description = "Keep files removed less than this many hours ago (default: the table's, 168)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "List the files that would be deleted, delete nothing" };
        var force = new Option<bool>("--force") { Description = "Allow a retention shorter than the table's (may break time travel)" };
        var command = new Command("vacuum", "Delete data files no version inside the retention window needs") { path, hours, dryRun, force };
        command.SetHandler(context, (parse, services) =>
        {
            var table = services.Get<LakeCatalog>().Open(parse.GetValue(path)!);
            var result = table.Vacuum(new VacuumOptions
            {
                Retention = parse.GetValue(hours) is { } h ? TimeSpan.FromHours(h) : null,
                DryRun = parse.GetValue(dryRun),
                AllowShortRetention = parse.GetValue(force),
            });
            foreach (var file in result.Files)
            {
                context.Output.WriteLine(file);
            }

            context.Output.WriteLine($"{(result.DryRun ? "would delete" : "deleted")} {result.Files.Count} file(s), {Bytes(result.Bytes)} (files no longer needed since {result.Cutoff.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)");
            return ExitCodes.Success;
        });
        return command;
    }

    internal static JsonObject InfoJson(TableSnapshot snapshot) => new()
    {
        ["path"] = snapshot.TableRoot,
        ["version"] = snapshot.Version,
        ["timestamp"] = snapshot.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["numFiles"] = snapshot.Files.Count,
        ["numRecords"] = snapshot.NumRecords,
        ["sizeInBytes"] = snapshot.SizeInBytes,
        ["partitionColumns"] = new JsonArray([.. snapshot.PartitionColumns.Select(c => (JsonNode)c)]),
        ["schema"] = new JsonArray([.. snapshot.Schema.Fields.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["type"] = f.Type.SimpleString,
            ["nullable"] = f.Nullable,
        })]),
        ["protocol"] = new JsonObject
        {
            ["minReaderVersion"] = snapshot.Protocol.MinReaderVersion,
            ["minWriterVersion"] = snapshot.Protocol.MinWriterVersion,
            ["readerFeatures"] = snapshot.Protocol.ReaderFeatures is { } r ? new JsonArray([.. r.Select(x => (JsonNode)x)]) : null,
            ["writerFeatures"] = snapshot.Protocol.WriterFeatures is { } w ? new JsonArray([.. w.Select(x => (JsonNode)x)]) : null,
        },
        ["properties"] = ToJson(snapshot.Properties),
    };

    private static string ProtocolText(TableSnapshot snapshot)
    {
        var p = snapshot.Protocol;
        var features = (p.ReaderFeatures ?? []).Union(p.WriterFeatures ?? []).ToList();
        return $"reader {p.MinReaderVersion}, writer {p.MinWriterVersion}" + (features.Count > 0 ? $" [{string.Join(", ", features)}]" : "");
    }

    private static JsonObject ToJson(IReadOnlyDictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            obj[key] = value;
        }

        return obj;
    }

    /// <summary>An instant typed by a user; without an offset it is UTC, never this machine's zone.</summary>
    internal static DateTimeOffset ParseInstant(string text, string option) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new CliUsageException($"{option}: '{text}' is not a date or time (use ISO 8601, e.g. 2026-01-31T12:00:00Z)");

    internal static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.##} GiB",
    };
}
