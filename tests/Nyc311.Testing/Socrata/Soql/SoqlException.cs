namespace Nyc311.Testing.Socrata.Soql;

/// <summary>A query the loopback server cannot run; it answers 400 with the message, as Socrata does.</summary>
internal sealed class SoqlException(string message) : Exception(message);
