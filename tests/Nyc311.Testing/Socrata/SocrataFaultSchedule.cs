namespace Nyc311.Testing.Socrata;

/// <summary>
/// Which requests get a faulty answer: queued faults go to the next requests one each, in order;
/// faults pinned with <see cref="At"/> go to the request with that number (1-based, counting
/// every <c>/resource</c> request since the server started) and win over the queue.
/// </summary>
public sealed class SocrataFaultSchedule
{
    private readonly Lock gate = new();
    private readonly Queue<SocrataFault> queued = new();
    private readonly Dictionary<int, SocrataFault> pinned = [];

    /// <summary>Faults for the next requests, one each.</summary>
    public void Enqueue(params SocrataFault[] faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        lock (gate)
        {
            foreach (var fault in faults)
            {
                queued.Enqueue(fault);
            }
        }
    }

    /// <summary>The same fault for the next <paramref name="times"/> requests.</summary>
    public void Enqueue(SocrataFault fault, int times) => Enqueue(Enumerable.Repeat(fault, times).ToArray());

    /// <summary>A fault for the request with this number.</summary>
    public void At(int requestNumber, SocrataFault fault)
    {
        lock (gate)
        {
            pinned[requestNumber] = fault;
        }
    }

    /// <summary>Drops every fault not yet served.</summary>
    public void Clear()
    {
        lock (gate)
        {
            queued.Clear();
            pinned.Clear();
        }
    }

    internal SocrataFault? Take(int requestNumber)
    {
        lock (gate)
        {
            if (pinned.Remove(requestNumber, out var fault))
            {
                return fault;
            }

            return queued.TryDequeue(out fault) ? fault : null;
        }
    }
}
