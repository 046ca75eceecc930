namespace Parley.Media.Buffers;

/// <summary>
/// Fixed-size packet buffers carved from one pinned array allocated once: the hot path rents by
/// index and never allocates, and native calls (sendmmsg iovecs) can point into it directly.
/// </summary>
internal sealed unsafe class PinnedBufferSlab
{
    private readonly byte[] _slab;
    private readonly byte* _base;

    public PinnedBufferSlab(int bufferCount, int bufferSize)
    {
        BufferCount = bufferCount;
        BufferSize = bufferSize;
        _slab = GC.AllocateArray<byte>(bufferCount * bufferSize, pinned: true);
        fixed (byte* p = _slab)
        {
            _base = p; // stays valid: the array lives on the pinned object heap
        }
    }

    public int BufferCount { get; }

    public int BufferSize { get; }

    public Span<byte> this[int index] => _slab.AsSpan(index * BufferSize, BufferSize);

    public Memory<byte> Memory(int index) => _slab.AsMemory(index * BufferSize, BufferSize);

    public byte* Pointer(int index) => _base + ((long)index * BufferSize);
}
