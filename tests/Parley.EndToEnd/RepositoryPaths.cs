namespace Parley.EndToEnd;

/// <summary>Finds the repository from the test's output folder (bin/Debug/net10.0 under tests/).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebDist => Path.Combine(Root, "web", "dist");

    public static string Docs => Path.Combine(Root, "docs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Parley.slnx not found above {AppContext.BaseDirectory}");
    }
}
