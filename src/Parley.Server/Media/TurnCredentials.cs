using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Parley.Protocol.Rooms;

namespace Parley.Server.Media;

/// <summary>
/// Short-lived TURN credentials in coturn's REST API scheme (draft-uberti-behave-turn-rest-00 §2.2,
/// coturn's <c>use-auth-secret</c>): user name <c>expiry-unix-time:userId</c>, password
/// base64(HMAC-SHA1(secret, user name)). coturn recomputes the password from the shared secret
/// and refuses the user name once its time has passed, so nothing is stored anywhere.
/// </summary>
internal sealed class TurnCredentials(IOptions<TurnOptions> options, TimeProvider time)
{
    public IceServersResponse For(string userId)
    {
        var turn = options.Value;
        var servers = new List<IceServer>();
        if (turn.StunUrls.Length > 0)
        {
            servers.Add(new IceServer(turn.StunUrls, null, null));
        }
        var ttl = (int)turn.CredentialLifetime.TotalSeconds;
        if (!string.IsNullOrEmpty(turn.Secret) && turn.Urls.Length > 0)
        {
            var expiry = time.GetUtcNow().ToUnixTimeSeconds() + ttl;
            var userName = string.Create(CultureInfo.InvariantCulture, $"{expiry}:{userId}");
            servers.Add(new IceServer(turn.Urls, userName, Password(turn.Secret, userName)));
        }
        return new IceServersResponse(servers, ttl);
    }

    // coturn's use-auth-secret fixes HMAC-SHA1 (draft-uberti-behave-turn-rest-00 §2.2); the
    // credential lives hours, and HMAC-SHA1 has no known practical forgery.
#pragma warning disable CA5350
    public static string Password(string secret, string userName) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userName)));
#pragma warning restore CA5350
}
