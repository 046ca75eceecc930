using System.Runtime.InteropServices;
using Parley.Media.Srtp;

namespace Parley.Media.Tests.Srtp;

/// <summary>
/// libsrtp 2 (Debian's libsrtp2-1, the library Chrome's SRTP comes from) through P/Invoke, as an
/// independent peer for interop tests. Absent on a machine without the package.
/// </summary>
internal sealed class Libsrtp : IDisposable
{
    private const string Library = "libsrtp2.so.1";
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        try
        {
            return NativeLibrary.TryLoad(Library, out _) && srtp_init() == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    });

    private IntPtr _session;

    private Libsrtp(IntPtr session) => _session = session;

    public static bool IsAvailable => Initialized.Value;

    /// <summary>A libsrtp session for any SSRC in one direction, from the master key and salt.</summary>
    public static Libsrtp Create(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, bool outbound)
    {
        var policy = new Policy { SsrcType = outbound ? 3 : 2, WindowSize = 128 };
        if (profile == SrtpProfile.AeadAes128Gcm)
        {
            srtp_crypto_policy_set_aes_gcm_128_16_auth(ref policy.Rtp);
            srtp_crypto_policy_set_aes_gcm_128_16_auth(ref policy.Rtcp);
        }
        else
        {
            srtp_crypto_policy_set_rtp_default(ref policy.Rtp);
            srtp_crypto_policy_set_rtcp_default(ref policy.Rtcp);
        }

        byte[] key = [.. masterKey, .. masterSalt];
        IntPtr keyCopy = Marshal.AllocHGlobal(key.Length);
        try
        {
            Marshal.Copy(key, 0, keyCopy, key.Length);
            policy.Key = keyCopy;
            int status = srtp_create(out IntPtr session, ref policy);
            if (status != 0)
            {
                throw new InvalidOperationException($"srtp_create failed with status {status}.");
            }

            return new Libsrtp(session);
        }
        finally
        {
            Marshal.FreeHGlobal(keyCopy);
        }
    }

    public int Protect(byte[] buffer, int length, bool rtcp)
    {
        int status = rtcp ? srtp_protect_rtcp(_session, buffer, ref length) : srtp_protect(_session, buffer, ref length);
        return status == 0 ? length : -status;
    }

    public int Unprotect(byte[] buffer, int length, bool rtcp)
    {
        int status = rtcp ? srtp_unprotect_rtcp(_session, buffer, ref length) : srtp_unprotect(_session, buffer, ref length);
        return status == 0 ? length : -status;
    }

    public void Dispose()
    {
        if (_session != IntPtr.Zero)
        {
            _ = srtp_dealloc(_session);
            _session = IntPtr.Zero;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CryptoPolicy
    {
        public uint CipherType;
        public int CipherKeyLength;
        public uint AuthType;
        public int AuthKeyLength;
        public int AuthTagLength;
        public int SecurityServices;
    }

    // srtp_policy_t of libsrtp 2.5 (srtp2/srtp.h).
    [StructLayout(LayoutKind.Sequential)]
    private struct Policy
    {
        public int SsrcType;
        public uint SsrcValue;
        public CryptoPolicy Rtp;
        public CryptoPolicy Rtcp;
        public IntPtr Key;
        public IntPtr Keys;
        public nuint NumberOfMasterKeys;
        public IntPtr DeprecatedEkt;
        public nuint WindowSize;
        public int AllowRepeatTransmission;
        public IntPtr EncryptedExtensionHeaders;
        public int EncryptedExtensionHeaderCount;
        public IntPtr Next;
    }

    [DllImport(Library)]
    private static extern int srtp_init();

    [DllImport(Library)]
    private static extern int srtp_create(out IntPtr session, ref Policy policy);

    [DllImport(Library)]
    private static extern int srtp_dealloc(IntPtr session);

    [DllImport(Library)]
    private static extern int srtp_protect(IntPtr session, byte[] packet, ref int length);

    [DllImport(Library)]
    private static extern int srtp_unprotect(IntPtr session, byte[] packet, ref int length);

    [DllImport(Library)]
    private static extern int srtp_protect_rtcp(IntPtr session, byte[] packet, ref int length);

    [DllImport(Library)]
    private static extern int srtp_unprotect_rtcp(IntPtr session, byte[] packet, ref int length);

    [DllImport(Library)]
    private static extern void srtp_crypto_policy_set_rtp_default(ref CryptoPolicy policy);

    [DllImport(Library)]
    private static extern void srtp_crypto_policy_set_rtcp_default(ref CryptoPolicy policy);

    [DllImport(Library)]
    private static extern void srtp_crypto_policy_set_aes_gcm_128_16_auth(ref CryptoPolicy policy);
}
