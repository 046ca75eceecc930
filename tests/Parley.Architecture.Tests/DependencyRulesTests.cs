using System.Reflection;

namespace Parley.Architecture.Tests;

/// <summary>
/// The dependency rules of STYLE.md: Media depends on nothing of ours; Rooms never references
/// Media; Client never references Server; Protocol references nothing of ours.
/// </summary>
public sealed class DependencyRulesTests
{
    private static List<string> ParleyReferencesOf(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var names = new List<string>();
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (reference.Name is { } name && name.StartsWith("Parley.", StringComparison.Ordinal))
            {
                names.Add(name);
            }
        }
        return names;
    }

    [Fact]
    public void MediaDependsOnNothingOfOurs() =>
        Assert.Empty(ParleyReferencesOf("Parley.Media"));

    [Fact]
    public void ProtocolDependsOnNothingOfOurs() =>
        Assert.Empty(ParleyReferencesOf("Parley.Protocol"));

    [Fact]
    public void RoomsNeverReferencesMediaOrServer()
    {
        var references = ParleyReferencesOf("Parley.Rooms");
        Assert.DoesNotContain("Parley.Media", references);
        Assert.DoesNotContain("Parley.Server", references);
    }

    [Fact]
    public void ClientNeverReferencesServerOrRooms()
    {
        var references = ParleyReferencesOf("Parley.Client");
        Assert.DoesNotContain("Parley.Server", references);
        Assert.DoesNotContain("Parley.Rooms", references);
    }

    [Fact]
    public void MediaHasNoAspNetOrleansOrEntityFramework()
    {
        var assembly = Assembly.Load("Parley.Media");
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            var name = reference.Name ?? "";
            Assert.False(
                name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || name.StartsWith("Orleans", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal),
                $"Parley.Media references {name}");
        }
    }
}
