using Parley.Media.Ice;

namespace Parley.Media.Tests.Ice;

public class IceCredentialsTests
{
    [Fact]
    public void GeneratedCredentialsAreValidIceCharsOfTheRequiredLength()
    {
        var a = IceCredentials.Generate();
        var b = IceCredentials.Generate();
        Assert.True(IceCredentials.IsValidUfrag(a.Ufrag));
        Assert.True(IceCredentials.IsValidPassword(a.Password));
        Assert.True(a.Ufrag.Length >= 4);
        Assert.True(a.Password.Length >= 22);
        Assert.NotEqual(a.Ufrag, b.Ufrag);
        Assert.NotEqual(a.Password, b.Password);
    }

    [Theory]
    [InlineData("abc", "aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("abcd", "aaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("ab:d", "aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("abcd", "aaaaaaaaaaaaaaaaaaaaaaa-")]
    public void RejectsCredentialsOutsideRfc8839(string ufrag, string password)
    {
        Assert.Throws<ArgumentException>(() => new IceCredentials(ufrag, password));
    }
}
