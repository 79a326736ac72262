namespace Nyc311.Testing.Socrata;

/// <summary>What a faulty answer of the loopback server looks like.</summary>
public enum SocrataFaultKind
{
    /// <summary>429 Too Many Requests, with a <c>Retry-After</c> header when one is given.</summary>
    TooManyRequests,

    /// <summary>A 5xx error.</summary>
    ServerError,

    /// <summary>202 Accepted: Socrata's "still processing, ask again".</summary>
    Processing,

    /// <summary>The normal answer, after a delay (the request's cancellation ends the wait).</summary>
    Slow,

    /// <summary>200 with the normal page cut off half-way.</summary>
    TruncatedJson,

    /// <summary>200 with a JSON object instead of an array.</summary>
    NotAnArray,

    /// <summary>200 with an array whose second element is a number.</summary>
    RecordNotAnObject,
}

/// <summary>One scheduled fault; make them with the factory methods.</summary>
public sealed record SocrataFault
{
    private SocrataFault(SocrataFaultKind kind) => Kind = kind;

    public SocrataFaultKind Kind { get; }

    /// <summary>For <see cref="SocrataFaultKind.TooManyRequests"/>: <c>Retry-After</c> in whole seconds.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>For <see cref="SocrataFaultKind.TooManyRequests"/>: <c>Retry-After</c> as an HTTP date.</summary>
    public DateTimeOffset? RetryAt { get; private init; }

    /// <summary>For <see cref="SocrataFaultKind.ServerError"/>: the status code.</summary>
    public int StatusCode { get; private init; }

    /// <summary>For <see cref="SocrataFaultKind.Slow"/>: the delay before answering.</summary>
    public TimeSpan Delay { get; private init; }

    public static SocrataFault TooManyRequests(TimeSpan? retryAfter = null) =>
        new(SocrataFaultKind.TooManyRequests) { RetryAfter = retryAfter };

    public static SocrataFault TooManyRequestsUntil(DateTimeOffset retryAt) =>
        new(SocrataFaultKind.TooManyRequests) { RetryAt = retryAt };

    public static SocrataFault ServerError(int statusCode = 500) =>
        new(SocrataFaultKind.ServerError) { StatusCode = statusCode };

    public static SocrataFault Processing() => new(SocrataFaultKind.Processing);

    public static SocrataFault Slow(TimeSpan delay) => new(SocrataFaultKind.Slow) { Delay = delay };

    public static SocrataFault TruncatedJson() => new(SocrataFaultKind.TruncatedJson);

    public static SocrataFault NotAnArray() => new(SocrataFaultKind.NotAnArray);

    public static SocrataFault RecordNotAnObject() => new(SocrataFaultKind.RecordNotAnObject);
}
