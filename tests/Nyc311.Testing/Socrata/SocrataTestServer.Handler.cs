using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nyc311.Testing.Socrata.Soql;

namespace Nyc311.Testing.Socrata;

public sealed partial class SocrataTestServer
{
    private const int DefaultLimit = 1000;
    private const int RowsPerFlush = 256;
    private static readonly string[] KnownParameters = ["$select", "$where", "$order", "$limit", "$offset"];

    private async Task HandleAsync(HttpContext context)
    {
        var file = (string)context.Request.RouteValues["file"]!;
        var token = context.Request.Headers["X-App-Token"] is { Count: > 0 } header ? header.ToString() : null;
        var authorized = Options.RequiredAppToken is null || string.Equals(token, Options.RequiredAppToken, StringComparison.Ordinal);
        var number = Interlocked.Increment(ref requestCount);
        var request = new SocrataRequest
        {
            Number = number,
            ReceivedAt = Options.Clock.GetUtcNow(),
            Dataset = file.EndsWith(".json", StringComparison.Ordinal) ? file[..^5] : file,
            Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            AppToken = token,
            Fault = authorized ? Faults.Take(number) : null,
        };
        lock (requestsGate)
        {
            requests.Add(request);
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, app.Lifetime.ApplicationStopping);
        context.Response.OnStarting(() =>
        {
            // Logged before the first byte leaves, so a client never sees an answer whose entry lacks it.
            request.StatusCode = context.Response.StatusCode;
            return Task.CompletedTask;
        });
        try
        {
            await AnswerAsync(context, request, authorized, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client gave up (a timeout test) or the server is stopping.
            request.StatusCode = 499;
        }
    }

    private async Task AnswerAsync(HttpContext context, SocrataRequest request, bool authorized, CancellationToken cancellationToken)
    {
        if (!authorized)
        {
            await ErrorAsync(context, StatusCodes.Status403Forbidden, "permission_denied", "Invalid app_token specified", cancellationToken);
            return;
        }

        if (await FaultAsync(context, request.Fault, cancellationToken))
        {
            return;
        }

        var resource = (string)context.Request.RouteValues["file"]!;
        if (!request.Query.Keys.All(KnownParameters.Contains) || !resource.EndsWith(".json", StringComparison.Ordinal))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "query.unsupported", "the loopback server supports only $select, $where, $order, $limit and $offset on /resource/{id}.json", cancellationToken);
            return;
        }

        if (!datasets.TryGetValue(request.Dataset, out var dataset))
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "not_found", $"Cannot find view with id {request.Dataset}", cancellationToken);
            return;
        }

        SocrataTestRecord[] rows;
        SocrataProjection projection;
        int limit;
        long offset;
        try
        {
            limit = ParseNumber(request.Query.GetValueOrDefault("$limit"), DefaultLimit, "$limit");
            offset = ParseNumber(request.Query.GetValueOrDefault("$offset"), 0, "$offset");
            if (limit > Options.MaxLimit)
            {
                throw new SoqlException($"$limit {limit} is over the maximum of {Options.MaxLimit}");
            }

            projection = SocrataProjection.Parse(request.Select);
            rows = dataset.Current.Query(request.Where, request.Order);
        }
        catch (SoqlException e)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "query.compiler.malformed", e.Message, cancellationToken);
            return;
        }

        var start = (int)Math.Min(offset, rows.Length);
        var page = new ArraySegment<SocrataTestRecord>(rows, start, Math.Min(limit, rows.Length - start));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (request.Fault?.Kind == SocrataFaultKind.TruncatedJson)
        {
            var whole = new ArrayBufferWriter<byte>();
            WriteRows(whole, page, projection);
            await context.Response.Body.WriteAsync(whole.WrittenMemory[..(whole.WrittenCount / 2)], cancellationToken);
            return;
        }

        await StreamRowsAsync(context.Response, page, projection, cancellationToken);
    }

    /// <summary>Serves the fault; false when the normal answer should follow (no fault, slow and truncated faults).</summary>
    private static async Task<bool> FaultAsync(HttpContext context, SocrataFault? fault, CancellationToken cancellationToken)
    {
        switch (fault?.Kind)
        {
            case SocrataFaultKind.TooManyRequests:
                if (fault.RetryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = ((long)after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }
                else if (fault.RetryAt is { } at)
                {
                    context.Response.Headers.RetryAfter = at.ToString("R", CultureInfo.InvariantCulture);
                }

                await ErrorAsync(context, StatusCodes.Status429TooManyRequests, "too_many_requests", "Too many requests", cancellationToken);
                return true;
            case SocrataFaultKind.ServerError:
                await ErrorAsync(context, fault.StatusCode, "internal_error", "Internal error", cancellationToken);
                return true;
            case SocrataFaultKind.Processing:
                await ErrorAsync(context, StatusCodes.Status202Accepted, "processing", "Query is processing; retry later", cancellationToken);
                return true;
            case SocrataFaultKind.Slow:
                await Task.Delay(fault.Delay, cancellationToken);
                return false;
            case SocrataFaultKind.NotAnArray:
                await RawAsync(context, """{"unique_key":"1"}"""u8.ToArray(), cancellationToken);
                return true;
            case SocrataFaultKind.RecordNotAnObject:
                await RawAsync(context, """[{"unique_key":"1"},42]"""u8.ToArray(), cancellationToken);
                return true;
            default:
                return false;
        }
    }

    private static async Task StreamRowsAsync(HttpResponse response, ArraySegment<SocrataTestRecord> rows, SocrataProjection projection, CancellationToken cancellationToken)
    {
        var output = response.BodyWriter;
        output.Write("["u8);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            projection.Write(output, rows[i]);
            if (i % RowsPerFlush == RowsPerFlush - 1)
            {
                await output.FlushAsync(cancellationToken);
            }
        }

        output.Write("]"u8);
        await output.FlushAsync(cancellationToken);
    }

    private static void WriteRows(IBufferWriter<byte> output, ArraySegment<SocrataTestRecord> rows, SocrataProjection projection)
    {
        output.Write("["u8);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            projection.Write(output, rows[i]);
        }

        output.Write("]"u8);
    }

    private static int ParseNumber(string? text, int fallback, string name) =>
        (int)ParseNumber(text, (long)fallback, name);

    private static long ParseNumber(string? text, long fallback, string name)
    {
        if (text is null)
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= int.MaxValue
            ? value
            : throw new SoqlException($"{name} must be a non-negative integer, not '{text}'");
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new { code, error = true, message }), cancellationToken);
    }

    private static async Task RawAsync(HttpContext context, byte[] body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(body, cancellationToken);
    }
}
