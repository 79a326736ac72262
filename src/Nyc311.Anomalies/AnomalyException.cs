namespace Nyc311.Anomalies;
/// <summary>Base of the errors anomaly detection and alerting raise.</summary>
public class AnomalyException(string message, Exception? inner = null) : Exception(message, inner);
