using CsCheck;
using Nyc311.Lake.Log;
using Nyc311.Lake.Storage;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>
/// Log replay against a model: random commits of add and remove actions (over a small pool of paths,
/// some URI-encoded) replay, at every version and through a checkpoint, to the model's live files and tombstones.
/// </summary>
public sealed class LogReplayPropertyTests
{
    // Log paths as writers store them: URI-encoded, so "a b" is "a%20b" and a literal "%2F" folder is "%252F".
    private static readonly string[] Paths =
    [
        "part-0.parquet", "part-1.parquet", "part-2.parquet", "x=1/part-3.parquet", "x=2/part-4.parquet",
        "x=A%252FA/part-5.parquet", "x=B%2520B/part-6.parquet", "a%20b/part-7.parquet",
    ];

    private const string SchemaString = """{"type":"struct","fields":[{"name":"id","type":"long","nullable":true,"metadata":{}}]}""";

    /// <summary>One commit: distinct paths, each either added (true) or removed (false).</summary>
    private static readonly Gen<(int Path, bool Add)[]> CommitGen =
        Gen.Int[0, Paths.Length - 1].ArrayUnique[1, 4].SelectMany(paths => Gen.Bool.Array[paths.Length].Select(adds => paths.Zip(adds).ToArray()));

    [Fact]
    public void Replay_matches_a_model_at_every_version()
    {
        CommitGen.Array[1, 14].Sample(commits =>
        {
            using var folder = new TempDirectory("replay");
            var models = WriteLog(new LocalTableStorage(folder.Path), commits);
            var table = DeltaTable.Open(folder.Path);
            for (var v = 0; v < models.Count; v++)
            {
                models[v].ShouldMatch(table.LoadSnapshot(v), $"version {v}");
            }
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void A_checkpoint_replays_to_the_same_state_as_the_commits_it_replaces()
    {
        Gen.Select(CommitGen.Array[1, 12], Gen.Int[1, 12]).Sample((commits, checkpointAt) =>
        {
            using var folder = new TempDirectory("replay");
            var storage = new LocalTableStorage(folder.Path);
            var models = WriteLog(storage, commits);
            var table = DeltaTable.Open(folder.Path);

            // Every tombstone is kept (cutoff at the beginning of time), and commit 0 goes, so reads must use the checkpoint.
            var checkpointVersion = Math.Min(checkpointAt, commits.Length);
            CheckpointWriter.Write(storage, table.LoadSnapshot(checkpointVersion), DateTimeOffset.MinValue);
            File.Delete(storage.FullPath(LogPaths.Commit(0)));
            models[checkpointVersion].ShouldMatch(table.LoadSnapshot(checkpointVersion), $"checkpoint version {checkpointVersion}");
            models[^1].ShouldMatch(table.LoadSnapshot(), $"latest version after a checkpoint at {checkpointVersion}");
        }, iter: 12, threads: 1);
    }

    /// <summary>Writes version 0 and one commit per element of <paramref name="commits"/>; returns the model after each version.</summary>
    private static List<Model> WriteLog(LocalTableStorage storage, (int Path, bool Add)[][] commits)
    {
        WriteCommit(storage, 0, [new Protocol(1, 2), new Metadata("model", SchemaString, [], new Dictionary<string, string>(), 0)]);
        var models = new List<Model> { new() };
        for (var v = 0; v < commits.Length; v++)
        {
            var model = models[^1].Copy();
            var actions = new List<DeltaAction>();
            foreach (var (path, add) in commits[v])
            {
                var logPath = Paths[path];
                var key = Uri.UnescapeDataString(logPath);
                if (add)
                {
                    actions.Add(new AddFile(logPath, new Dictionary<string, string?>(), 100 + v, 1000 + v, DataChange: true));
                    model.Live[key] = 100 + v;
                    model.Tombstones.Remove(key);
                }
                else
                {
                    actions.Add(new RemoveFile(logPath, 2000 + v, DataChange: true));
                    model.Live.Remove(key);
                    model.Tombstones.Add(key);
                }
            }

            WriteCommit(storage, v + 1, actions);
            models.Add(model);
        }

        return models;
    }

    private static void WriteCommit(LocalTableStorage storage, long version, IEnumerable<DeltaAction> actions) =>
        storage.TryCreate(LogPaths.Commit(version), ActionJson.Serialize(actions)).ShouldBeTrue();

    private sealed class Model
    {
        /// <summary>Live files by decoded path, with the size of the add that made them live.</summary>
        public Dictionary<string, long> Live { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Tombstones { get; } = new(StringComparer.Ordinal);

        public Model Copy()
        {
            var copy = new Model();
            foreach (var (key, size) in Live)
            {
                copy.Live[key] = size;
            }

            copy.Tombstones.UnionWith(Tombstones);
            return copy;
        }

        public void ShouldMatch(Snapshot.TableSnapshot snapshot, string when)
        {
            snapshot.Files.Select(f => $"{Uri.UnescapeDataString(f.Path)}:{f.Size}").Order(StringComparer.Ordinal)
                .ShouldBe(Live.Select(kv => $"{kv.Key}:{kv.Value}").Order(StringComparer.Ordinal), $"live files at {when}");
            snapshot.Tombstones.Select(t => Uri.UnescapeDataString(t.Path)).Order(StringComparer.Ordinal)
                .ShouldBe(Tombstones.Order(StringComparer.Ordinal), $"tombstones at {when}");
        }
    }
}
