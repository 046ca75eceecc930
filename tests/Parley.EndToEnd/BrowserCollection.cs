namespace Parley.EndToEnd;

/// <summary>
/// One server and one Chromium for every browser test: the admin invite is printed once per
/// database, and two silos and browsers at once would only compete for the machine's two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ParleyFixture>
{
    public const string Name = "browser";
}
