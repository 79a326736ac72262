namespace Nyc311.Pipeline.Reference;

/// <summary>A ZIP code and the borough it lies in.</summary>
/// <param name="Zip">Five-digit ZIP code.</param>
/// <param name="Borough">The borough in the 311 spelling (<c>STATEN ISLAND</c>).</param>
public sealed record ZipBorough(string Zip, string Borough);
