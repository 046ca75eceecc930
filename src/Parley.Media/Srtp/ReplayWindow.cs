namespace Parley.Media.Srtp;

/// <summary>
/// RFC 3711 §3.3.2 sliding replay list: the highest index accepted so far and a 64-bit bitmap of
/// the 64 indices at and below it (bit d is highest - d). Checked before authentication, updated
/// only after it succeeds.
/// </summary>
internal struct ReplayWindow
{
    public const int Size = 64;

    public ulong Highest;
    public ulong Bits;
    public bool Initialized;

    public readonly bool IsReplayed(ulong index)
    {
        if (!Initialized || index > Highest)
        {
            return false;
        }

        ulong delta = Highest - index;
        return delta >= Size || (Bits & (1UL << (int)delta)) != 0;
    }

    public void Accept(ulong index)
    {
        if (!Initialized)
        {
            Initialized = true;
            Highest = index;
            Bits = 1;
        }
        else if (index > Highest)
        {
            ulong shift = index - Highest;
            Bits = shift >= Size ? 1 : (Bits << (int)shift) | 1;
            Highest = index;
        }
        else
        {
            Bits |= 1UL << (int)(Highest - index);
        }
    }
}
