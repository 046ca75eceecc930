using System.Runtime.InteropServices;
using Parley.Media.Transport;

namespace Parley.LoadGen;

/// <summary>epoll and recvmmsg, so one thread drains thousands of listener sockets in batches.
/// The message structures are Media's (<see cref="LibC"/>), shared through InternalsVisibleTo.</summary>
internal static unsafe partial class Native
{
    public const int EpollCtlAdd = 1;
    public const int EpollCtlDel = 2;
    public const uint EpollIn = 0x001;
    public const int MsgDontWait = 0x40;
    public const int SolSocket = 1;
    public const int SoTimestampNs = 35; // SCM_TIMESTAMPNS: kernel receive time, CLOCK_REALTIME

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    public struct EpollEvent
    {
        public uint Events;
        public ulong Data;
    }

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int EpollCtl(int epfd, int op, int fd, EpollEvent* ev);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int EpollWait(int epfd, EpollEvent* events, int maxEvents, int timeout);

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int RecvMmsg(int fd, LibC.MMsgHdr* msgs, uint vlen, int flags, void* timeout);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);
}
