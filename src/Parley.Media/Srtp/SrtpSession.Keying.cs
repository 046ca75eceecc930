namespace Parley.Media.Srtp;

public sealed partial class SrtpSession
{
    /// <summary>
    /// Bytes to ask the DTLS exporter for (RFC 5764 §4.2): two master keys and two master salts,
    /// 60 for AES_CM_128_HMAC_SHA1_80 and 56 for AEAD_AES_128_GCM.
    /// </summary>
    public static int KeyingMaterialLength(SrtpProfile profile) => 2 * (MasterKeyLength + MasterSaltLength(profile));

    /// <summary>
    /// Splits the DTLS-SRTP exporter output, laid out client key | server key | client salt |
    /// server salt (RFC 5764 §4.2), into the session that unprotects what the peer sends and the one
    /// that protects what we send. The DTLS client writes with the client key.
    /// </summary>
    public static void CreateFromKeyingMaterial(
        SrtpProfile profile,
        ReadOnlySpan<byte> keyingMaterial,
        bool localIsDtlsServer,
        out SrtpSession inbound,
        out SrtpSession outbound)
    {
        int saltLength = MasterSaltLength(profile);
        if (keyingMaterial.Length != KeyingMaterialLength(profile))
        {
            throw new ArgumentException($"{profile} needs {KeyingMaterialLength(profile)} bytes of keying material.", nameof(keyingMaterial));
        }

        ReadOnlySpan<byte> clientKey = keyingMaterial[..MasterKeyLength];
        ReadOnlySpan<byte> serverKey = keyingMaterial.Slice(MasterKeyLength, MasterKeyLength);
        ReadOnlySpan<byte> clientSalt = keyingMaterial.Slice(2 * MasterKeyLength, saltLength);
        ReadOnlySpan<byte> serverSalt = keyingMaterial.Slice((2 * MasterKeyLength) + saltLength, saltLength);
        SrtpSession client = Create(profile, clientKey, clientSalt);
        SrtpSession server;
        try
        {
            server = Create(profile, serverKey, serverSalt);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        inbound = localIsDtlsServer ? client : server;
        outbound = localIsDtlsServer ? server : client;
    }
}
