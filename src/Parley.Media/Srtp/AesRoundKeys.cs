using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Parley.Media.Srtp;

/// <summary>The 11 round keys of AES-128, stored inline in the owning object.</summary>
[InlineArray(11)]
internal struct AesRoundKeys
{
    private Vector128<byte> _element0;
}
