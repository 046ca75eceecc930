namespace Parley.Media.Ice;

/// <summary>
/// Consent freshness (RFC 7675): a peer keeps consent while authenticated checks keep
/// arriving; after 30 s without one (§5.1) the SFU stops sending to it. Written by the receive
/// loop, read by a sweeper, so the timestamp is read and written atomically.
/// </summary>
public sealed class ConsentFreshness
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _timeProvider;
    private long _lastConsent;

    public ConsentFreshness(TimeProvider timeProvider, TimeSpan? timeout = null)
    {
        _timeProvider = timeProvider;
        Timeout = timeout ?? DefaultTimeout;
        _lastConsent = timeProvider.GetTimestamp();
    }

    public TimeSpan Timeout { get; }

    /// <summary>Time since the last verified check (or since creation, before any).</summary>
    public TimeSpan TimeSinceConsent => _timeProvider.GetElapsedTime(Interlocked.Read(ref _lastConsent));

    public bool IsExpired => TimeSinceConsent >= Timeout;

    /// <summary>
    /// For the side that sends consent checks (our C# client): RFC 7675 §5.1 sends one every
    /// 5 s, randomized to 0.8–1.2 times that so peers do not synchronise.
    /// </summary>
    public static TimeSpan NextCheckInterval() =>
        TimeSpan.FromMilliseconds(5000 * (0.8 + (0.4 * Random.Shared.NextDouble())));

    /// <summary>Call for every verified binding request or response (never for unverified ones).</summary>
    public void RecordConsent() => Interlocked.Exchange(ref _lastConsent, _timeProvider.GetTimestamp());
}
