using System.Globalization;
using System.Text.Json.Nodes;
using Nyc311.Lake.Log;
using Nyc311.Lake.Snapshot;

namespace Nyc311.Lake.Transaction;

/// <summary>The outcome of a commit: the version written and its timestamp.</summary>
public sealed record CommitResult(long Version, DateTimeOffset Timestamp);

/// <summary>
/// Collects the actions of one operation and commits them optimistically: the next log file is
/// created only if absent; a writer that loses the race re-reads the winning commits, checks them
/// against what it read and wrote, and either retries at the next version or fails with a conflict.
/// </summary>
internal sealed class OptimisticTransaction(DeltaTableCore table, TableSnapshot readSnapshot, string operation)
{
    private readonly List<AddFile> _adds = [];
    private readonly List<RemoveFile> _removes = [];
    private readonly HashSet<string> _filesRead = new(StringComparer.Ordinal);
    private Func<AddFile, bool>? _concurrentAddConflicts;
    private Metadata? _metadata;
    private Protocol? _protocol;
    private SetTransaction? _txn;

    public TableSnapshot ReadSnapshot { get; } = readSnapshot;

    public string Operation { get; } = operation;

    /// <summary>The operation's result depends on the whole table: any concurrent data change conflicts.</summary>
    public void ReadWholeTable()
    {
        _concurrentAddConflicts = add => add.DataChange;
        foreach (var file in ReadSnapshot.Files)
        {
            _filesRead.Add(Key(file.Path));
        }
    }

    /// <summary>The operation read these files, and files a concurrent writer adds that match <paramref name="affects"/> would have changed its result.</summary>
    public void ReadFiles(IEnumerable<AddFile> files, Func<AddFile, bool>? affects)
    {
        foreach (var file in files)
        {
            _filesRead.Add(Key(file.Path));
        }

        if (affects is not null)
        {
            var previous = _concurrentAddConflicts;
            _concurrentAddConflicts = previous is null ? affects : add => previous(add) || affects(add);
        }
    }

    public void UpdateMetadata(Metadata metadata) => _metadata = metadata;

    public void UpdateProtocol(Protocol protocol) => _protocol = protocol;

    public void SetTransaction(SetTransaction txn) => _txn = txn;

    public void Add(IEnumerable<AddFile> files) => _adds.AddRange(files);

    public void Remove(IEnumerable<RemoveFile> files) => _removes.AddRange(files);

    public bool IsBlindAppend => _filesRead.Count == 0 && _concurrentAddConflicts is null && _removes.Count == 0;

    public CommitResult Commit(JsonObject parameters, IReadOnlyDictionary<string, long> metrics)
    {
        table.BeforeCommit?.Invoke(ReadSnapshot.Version + 1);
        var attemptVersion = ReadSnapshot.Version + 1;
        var previousIct = ReadSnapshot.LatestInCommitTimestamp;
        var useIct = (_metadata is not null || _protocol is not null)
            ? UsesIct(_protocol ?? ReadSnapshot.Protocol, _metadata ?? ReadSnapshot.Metadata)
            : ReadSnapshot.InCommitTimestampsEnabled;

        for (var attempt = 1; attempt <= table.Options.MaxCommitAttempts; attempt++)
        {
            var now = table.Time.GetUtcNow().ToUnixTimeMilliseconds();
            var ict = previousIct is { } prev ? Math.Max(now, prev + 1) : now;
            var info = CommitInfo(now, useIct ? ict : null, parameters, metrics);
            var bytes = ActionJson.Serialize(Actions(info));
            if (table.Storage.TryCreate(LogPaths.Commit(attemptVersion), bytes))
            {
                var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(useIct ? ict : now);
                table.AfterCommit(attemptVersion);
                return new CommitResult(attemptVersion, timestamp);
            }

            // Lost the race for attemptVersion: check every commit that won since our snapshot.
            var latest = LogListing.Read(table.Storage).LatestVersion;
            for (var winner = attemptVersion; winner <= latest; winner++)
            {
                var winning = SnapshotLoader.ReadCommit(table.Storage, winner);
                CheckConflicts(winner, winning);
                previousIct = winning.OfType<CommitInfo>().FirstOrDefault()?.InCommitTimestamp ?? previousIct;
            }

            attemptVersion = latest + 1;
        }

        throw CommitConflictException.TooManyAttempts(table.Storage.Root, Operation, table.Options.MaxCommitAttempts, attemptVersion - 1);
    }

    private IEnumerable<DeltaAction> Actions(CommitInfo info)
    {
        // With in-commit timestamps the commitInfo must come first; it is first always.
        yield return info;
        if (_protocol is not null)
        {
            yield return _protocol;
        }

        if (_metadata is not null)
        {
            yield return _metadata;
        }

        if (_txn is not null)
        {
            yield return _txn;
        }

        foreach (var remove in _removes)
        {
            yield return remove;
        }

        foreach (var add in _adds)
        {
            yield return add;
        }
    }

    private CommitInfo CommitInfo(long now, long? ict, JsonObject parameters, IReadOnlyDictionary<string, long> metrics)
    {
        var operationMetrics = new JsonObject();
        foreach (var (name, value) in metrics)
        {
            // Spark records metric values as strings; readers of history expect that shape.
            operationMetrics[name] = value.ToString(CultureInfo.InvariantCulture);
        }

        var raw = new JsonObject
        {
            ["timestamp"] = now,
        };
        if (ict is { } t)
        {
            raw["inCommitTimestamp"] = t;
        }

        raw["operation"] = Operation;
        raw["operationParameters"] = parameters.DeepClone();
        if (ReadSnapshot.Version >= 0)
        {
            raw["readVersion"] = ReadSnapshot.Version;
        }

        raw["isolationLevel"] = "Serializable";
        raw["isBlindAppend"] = IsBlindAppend;
        raw["operationMetrics"] = operationMetrics;
        raw["engineInfo"] = DeltaTableCore.EngineInfo;
        raw["txnId"] = Guid.NewGuid().ToString();
        return new CommitInfo(raw);
    }

    private void CheckConflicts(long winner, List<DeltaAction> winning)
    {
        void Conflict(string reason) => throw CommitConflictException.Create(table.Storage.Root, Operation, winner, reason);

        foreach (var action in winning)
        {
            switch (action)
            {
                case Protocol:
                    Conflict("the protocol changed");
                    break;
                case Metadata:
                    Conflict("the table metadata (schema, partitioning or properties) changed");
                    break;
                case SetTransaction txn when _txn is not null && txn.AppId == _txn.AppId:
                    Conflict($"application '{txn.AppId}' committed version {txn.Version} concurrently");
                    break;
                case RemoveFile remove when _filesRead.Contains(Key(remove.Path)):
                    Conflict($"file '{remove.Path}' that this operation read was removed");
                    break;
                case RemoveFile remove when _removes.Any(r => Key(r.Path) == Key(remove.Path)):
                    Conflict($"file '{remove.Path}' was deleted by both");
                    break;
                case AddFile add when _concurrentAddConflicts is not null && _concurrentAddConflicts(add):
                    Conflict($"file '{add.Path}' was added where this operation read");
                    break;
            }
        }
    }

    private static bool UsesIct(Protocol protocol, Metadata metadata) =>
        (protocol.WriterFeatures?.Contains(TableFeatures.InCommitTimestamp) ?? false) &&
        metadata.Configuration.TryGetValue(TableProperties.EnableInCommitTimestamps, out var v) &&
        string.Equals(v, "true", StringComparison.OrdinalIgnoreCase);

    private static string Key(string path) => Uri.UnescapeDataString(path);
}
