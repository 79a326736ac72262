namespace Nyc311.Simulation.Geography;

/// <summary>
/// New York State Plane, Long Island zone (NAD83, EPSG:2263, US survey feet): the Lambert conformal
/// conic projection with two standard parallels (EPSG guidance note 7-2, section 1.3.1.1). The GRS80
/// ellipsoid stands in for WGS84 (they differ by millimetres); the result matches the X/Y of the real
/// 2022-05-01 rows to a hundredth of a foot before rounding.
/// </summary>
internal static class StatePlane
{
    private const double SemiMajorAxis = 6_378_137.0;
    private const double Flattening = 1 / 298.257222101;
    private const double FalseEastingMetres = 300_000.0;
    private const double MetresPerUsFoot = 1200.0 / 3937.0;

    private static readonly double E = Math.Sqrt((2 * Flattening) - (Flattening * Flattening));
    private static readonly double Lambda0 = Radians(-74.0);
    private static readonly double N;
    private static readonly double F;
    private static readonly double R0;

#pragma warning disable CA1810 // The constants depend on each other; one static constructor keeps the formula readable.
    static StatePlane()
    {
        var phi1 = Radians(41 + (2.0 / 60));
        var phi2 = Radians(40 + (40.0 / 60));
        var phi0 = Radians(40 + (10.0 / 60));
        N = (Math.Log(M(phi1)) - Math.Log(M(phi2))) / (Math.Log(T(phi1)) - Math.Log(T(phi2)));
        F = M(phi1) / (N * Math.Pow(T(phi1), N));
        R0 = SemiMajorAxis * F * Math.Pow(T(phi0), N);
    }
#pragma warning restore CA1810

    /// <summary>Easting and northing in US survey feet, rounded to whole feet as the portal publishes them.</summary>
    public static (int X, int Y) Project(double latitude, double longitude)
    {
        var r = SemiMajorAxis * F * Math.Pow(T(Radians(latitude)), N);
        var theta = N * (Radians(longitude) - Lambda0);
        var x = (FalseEastingMetres + (r * Math.Sin(theta))) / MetresPerUsFoot;
        var y = (R0 - (r * Math.Cos(theta))) / MetresPerUsFoot;
        return ((int)Math.Round(x), (int)Math.Round(y));
    }

    private static double M(double phi) => Math.Cos(phi) / Math.Sqrt(1 - (E * E * Math.Sin(phi) * Math.Sin(phi)));

    private static double T(double phi) =>
        Math.Tan((Math.PI / 4) - (phi / 2)) / Math.Pow((1 - (E * Math.Sin(phi))) / (1 + (E * Math.Sin(phi))), E / 2);

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;
}
