namespace Parley.Media.Ice;

/// <summary>STUN methods we speak. Only Binding is used by ICE (RFC 8489 §18.2).</summary>
public enum StunMethod : ushort
{
    Binding = 0x001,
}
