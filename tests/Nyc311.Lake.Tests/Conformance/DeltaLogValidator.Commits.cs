using System.Text.Json.Nodes;

namespace Nyc311.Lake.Tests.Conformance;

internal sealed partial class DeltaLogValidator
{
    private static readonly HashSet<string> CheckpointOnlyActions = new(StringComparer.Ordinal) { "checkpointMetadata", "sidecar" };

    /// <summary>
    /// One commit: a JSON object with exactly one action per line, at most one metaData and protocol,
    /// no path added (or removed) twice, every action's required fields; then the commit is applied to
    /// <paramref name="state"/> (null: judge the lines only).
    /// </summary>
    private void ValidateCommit(long version, string file, TableState? state)
    {
        var where = CommitName(version);
        var actions = ReadActions(where, File.ReadAllText(file));
        var kinds = actions.Select(a => a.Kind).ToList();
        if (kinds.Count(k => k == "metaData") > 1)
        {
            Fail(where, "commit.single-metadata", "more than one metaData action");
        }

        if (kinds.Count(k => k == "protocol") > 1)
        {
            Fail(where, "commit.single-protocol", "more than one protocol action");
        }

        if (version == 0 && (!kinds.Contains("protocol") || !kinds.Contains("metaData")))
        {
            Fail(where, "commit.first-has-protocol-and-metadata", "the first commit must hold a protocol and a metaData action");
        }

        foreach (var kind in kinds.Where(CheckpointOnlyActions.Contains).Distinct())
        {
            Fail(where, "commit.no-checkpoint-only-actions", $"'{kind}' may appear only in V2 checkpoints");
        }

        CheckDuplicates(where, actions, "add");
        CheckDuplicates(where, actions, "remove");
        foreach (var appId in actions.Where(a => a.Kind == "txn").GroupBy(a => JsonFacts.Text(a.Body["appId"])).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            Fail(where, "commit.single-txn-per-app", $"more than one txn for appId '{appId}'");
        }

        var previousProtocol = state?.Protocol;
        foreach (var (kind, body) in actions)
        {
            switch (kind)
            {
                case "protocol":
                    ValidateProtocolAction(where, body, previousProtocol);
                    if (state is not null)
                    {
                        state.Protocol = body;
                    }

                    break;
                case "metaData":
                    ValidateMetadataAction(where, body, state);
                    break;
                case "txn":
                    ValidateTxn(where, body, state);
                    break;
                case "domainMetadata":
                    if (!JsonFacts.IsString(body["domain"]) || !JsonFacts.IsString(body["configuration"]) || !JsonFacts.IsBool(body["removed"]))
                    {
                        Fail(where, "domainMetadata.fields", "domainMetadata needs string domain, string configuration and boolean removed");
                    }

                    break;
            }
        }

        if (state is null)
        {
            foreach (var (kind, body) in actions.Where(a => a.Kind is "add" or "remove"))
            {
                ValidatePath(where, kind, body);
            }

            return;
        }

        if (actions.Any(a => a.Kind is "protocol" or "metaData"))
        {
            ValidateProtocolFitsTable(where, state);
        }

        ValidateCommitInfo(where, actions, state);
        ValidateFileActions(where, actions, state);
    }

    private List<(string Kind, JsonObject Body)> ReadActions(string where, string text)
    {
        var actions = new List<(string, JsonObject)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                if (Strict && i != lines.Length - 1)
                {
                    Fail(where, "own.no-blank-lines", $"line {i + 1} is blank");
                }

                continue;
            }

            if (ParseJson(line) is not JsonObject obj)
            {
                Fail(where, "commit.line-is-json-object", $"line {i + 1} is not a JSON object");
                continue;
            }

            if (obj.Count != 1)
            {
                Fail(where, "commit.one-action-per-line", $"line {i + 1} holds {obj.Count} keys ({string.Join(", ", obj.Select(kv => kv.Key))}), not one action");
            }

            foreach (var (kind, value) in obj)
            {
                if (value is JsonObject body)
                {
                    actions.Add((kind, body));
                }
                else
                {
                    Fail(where, "commit.action-is-object", $"line {i + 1}: action '{kind}' is not an object");
                }
            }
        }

        return actions;
    }

    // At most one file action of the same type for any path (regardless of its deletion vector).
    private void CheckDuplicates(string where, List<(string Kind, JsonObject Body)> actions, string kind)
    {
        var paths = actions.Where(a => a.Kind == kind).Select(a => Uri.UnescapeDataString(JsonFacts.Text(a.Body["path"]) ?? ""));
        foreach (var path in paths.GroupBy(p => p, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            Fail(where, $"commit.unique-{kind}-path", $"'{path}' appears in more than one {kind} action");
        }
    }

    private void ValidateTxn(string where, JsonObject body, TableState? state)
    {
        if (!JsonFacts.IsString(body["appId"]) || !JsonFacts.IsInteger(body["version"]))
        {
            Fail(where, "txn.fields", "txn needs a string appId and an integer version");
            return;
        }

        if (body["lastUpdated"] is { } updated && !JsonFacts.IsInteger(updated))
        {
            Fail(where, "txn.fields", "txn.lastUpdated is not an integer");
        }

        if (state is not null)
        {
            state.Transactions[JsonFacts.Text(body["appId"])!] = JsonFacts.Long(body["version"])!.Value;
        }
    }

    /// <summary>With in-commit timestamps on, commitInfo comes first with an increasing inCommitTimestamp.</summary>
    private void ValidateCommitInfo(string where, List<(string Kind, JsonObject Body)> actions, TableState state)
    {
        var info = actions.Where(a => a.Kind == "commitInfo").Select(a => a.Body).FirstOrDefault();
        var first = actions.Count > 0 && actions[0].Kind == "commitInfo";
        if (state.InCommitTimestampsActive)
        {
            if (!first)
            {
                Fail(where, "ict.commit-info-first", "in-commit timestamps are enabled but commitInfo is not the first action");
            }

            if (JsonFacts.Long(info?["inCommitTimestamp"]) is not { } ict)
            {
                Fail(where, "ict.present", "in-commit timestamps are enabled but commitInfo has no integer inCommitTimestamp");
            }
            else
            {
                if (state.LastInCommitTimestamp is { } previous && ict <= previous)
                {
                    Fail(where, "ict.increasing", Invariant($"inCommitTimestamp {ict} is not after the previous commit's {previous}"));
                }

                if (Strict && JsonFacts.Long(info!["timestamp"]) is { } wallClock && ict < wallClock)
                {
                    Fail(where, "own.ict-not-before-commit-time", Invariant($"inCommitTimestamp {ict} is before the commit's timestamp {wallClock}"));
                }

                state.LastInCommitTimestamp = ict;
            }
        }
        else
        {
            state.LastInCommitTimestamp = null;
        }

        if (Strict)
        {
            if (!first)
            {
                Fail(where, "own.commit-info-first", "every commit this layer writes starts with commitInfo");
            }

            if (info is not null && (!JsonFacts.IsInteger(info["timestamp"]) || !JsonFacts.IsString(info["operation"]) || info["operationParameters"] is not JsonObject))
            {
                Fail(where, "own.commit-info-fields", "commitInfo needs an integer timestamp, a string operation and operationParameters");
            }
        }
    }
}
