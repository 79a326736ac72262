namespace Nyc311.Simulation.Generation;

/// <summary>How the address fields of a record are laid out (the portal's <c>address_type</c>).</summary>
internal enum AddressLayout
{
    None,
    Address,
    Intersection,
    Blockface,
    Unrecognized,
}
