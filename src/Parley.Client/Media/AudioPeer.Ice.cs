using Parley.Media.Ice;

namespace Parley.Client.Media;

/// <summary>ICE as the controlling agent against an ICE-lite SFU (RFC 8445 §2.5, §7.2.2), and consent (RFC 7675).</summary>
public sealed partial class AudioPeer
{
    private const int TransactionHistory = 4;
    private readonly byte[][] _transactions = [new byte[12], new byte[12], new byte[12], new byte[12]];
    private readonly Lock _iceLock = new();
    private readonly ulong _tieBreaker = IceControllingClient.NewTieBreaker();
    private int _nextTransaction;
    private volatile bool _iceSucceeded;

    /// <summary>Valid binding responses received (connectivity and consent).</summary>
    public long BindingResponses => Interlocked.Read(ref _bindingResponses);

    private long _bindingResponses;

    private async Task IceLoopAsync()
    {
        var request = new byte[256];
        // Host candidate priority for our single candidate (RFC 8445 §5.1.2.1).
        var priority = IceControllingClient.ComputePriority(126, 65535, 1);
        var time = _options.TimeProvider;
        while (!_stopping.IsCancellationRequested)
        {
            if (!_iceSucceeded || ConsentChecksEnabled)
            {
                int length;
                lock (_iceLock)
                {
                    var transaction = _transactions[_nextTransaction];
                    _nextTransaction = (_nextTransaction + 1) % TransactionHistory;
                    IceControllingClient.NewTransactionId(transaction);
                    // Aggressive nomination: every check carries USE-CANDIDATE; there is one pair.
                    length = IceControllingClient.WriteBindingRequest(request, transaction, _localIce, _remoteIce!, priority, _tieBreaker, useCandidate: true);
                }
                Send(request.AsSpan(0, length));
                if (_iceSucceeded)
                {
                    SendReceiverReport();
                }
            }
            // RFC 8445 §14.2 paces checks at 50 ms; once connected, consent every few seconds.
            var wait = _iceSucceeded ? _options.ConsentInterval : TimeSpan.FromMilliseconds(50);
            try
            {
                await Task.Delay(wait, time, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnStun(ReadOnlySpan<byte> datagram)
    {
        var valid = false;
        lock (_iceLock)
        {
            foreach (var transaction in _transactions)
            {
                if (IceControllingClient.VerifyBindingResponse(datagram, transaction, _remoteIce!, out _, out _) == IceCheckResult.Success)
                {
                    valid = true;
                    break;
                }
            }
        }
        if (!valid)
        {
            return;
        }
        Interlocked.Increment(ref _bindingResponses);
        if (!_iceSucceeded)
        {
            _iceSucceeded = true;
            StartHandshake();
        }
    }
}
