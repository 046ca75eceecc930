using Parley.Media.Dtls;

namespace Parley.Media.Tests.Dtls;

internal static class DtlsTestExtensions
{
    public static byte[] DerArrayForTests(this DtlsCertificate certificate) => certificate.Der.ToArray();
}
