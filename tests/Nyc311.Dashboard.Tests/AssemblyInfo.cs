using Nyc311.Dashboard.Tests.Fixtures;

// One lake (a small pipeline run plus fixture tables) serves every test class that reads it.
[assembly: AssemblyFixture(typeof(DashboardLake))]
