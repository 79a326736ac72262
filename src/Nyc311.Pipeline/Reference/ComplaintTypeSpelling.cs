namespace Nyc311.Pipeline.Reference;

/// <summary>The portal's spelling of a complaint type and the key silver matches it by.</summary>
/// <param name="Key">The type upper-cased with whitespace collapsed (<c>NOISE - RESIDENTIAL</c>).</param>
/// <param name="ComplaintType">The spelling as the portal publishes it (<c>Noise - Residential</c>, <c>HEAT/HOT WATER</c>).</param>
public sealed record ComplaintTypeSpelling(string Key, string ComplaintType);
