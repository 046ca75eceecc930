namespace Parley.Media.Routing;

/// <summary>Loudest-K selection with hold (the part of the router that decides who speaks).</summary>
public sealed partial class RoomRouter
{
    // A packet without the RFC 6464 extension still counts as speech of moderate loudness.
    private const double AssumedLoudness = 40;

    private void UpdateLevel(RouterPeer from, int audioLevel, long now)
    {
        // RFC 6464 §3: the level is -dBov, 0 loudest and 127 silence; loudness = 127 - level.
        var loudness = audioLevel < 0 ? AssumedLoudness : 127 - audioLevel;
        if (!from.HasSpoken || now - from.LastPacketTicks > _silenceTicks)
        {
            from.SmoothedLoudness = loudness;
            from.HasSpoken = true;
        }
        else
        {
            from.SmoothedLoudness += (loudness - from.SmoothedLoudness) * _options.LevelSmoothing;
        }
        from.LastPacketTicks = now;
    }

    private double EffectiveLoudness(RouterPeer peer, long now) =>
        now - peer.LastPacketTicks > _silenceTicks ? 0 : peer.SmoothedLoudness;

    private bool TryActivate(RouterPeer candidate, long now)
    {
        var victimPosition = -1;
        var victimLoudness = double.MaxValue;
        for (var i = 0; i < _active.Length; i++)
        {
            var current = _active[i];
            if (current is null)
            {
                victimPosition = i;
                victimLoudness = double.MinValue;
                break;
            }
            if (now - current.ActiveSinceTicks < _holdTicks)
            {
                continue; // held: the slot does not flap
            }
            var loudness = EffectiveLoudness(current, now);
            if (loudness < victimLoudness)
            {
                victimLoudness = loudness;
                victimPosition = i;
            }
        }
        if (victimPosition < 0 || candidate.SmoothedLoudness < victimLoudness + _options.SwitchMarginDb)
        {
            return false;
        }
        var victim = _active[victimPosition];
        if (victim is not null)
        {
            victim.ActivePosition = -1;
        }
        _active[victimPosition] = candidate;
        candidate.ActivePosition = victimPosition;
        candidate.ActiveSinceTicks = now;
        RaiseActiveSpeakersChanged();
        return true;
    }

    private void Deactivate(RouterPeer peer)
    {
        _active[peer.ActivePosition] = null;
        peer.ActivePosition = -1;
    }

    private void RaiseActiveSpeakersChanged()
    {
        var handler = ActiveSpeakersChanged;
        if (handler is null)
        {
            return;
        }
        var count = 0;
        foreach (var peer in _active)
        {
            if (peer is not null)
            {
                count++;
            }
        }
        var ids = new string[count];
        count = 0;
        foreach (var peer in _active)
        {
            if (peer is not null)
            {
                ids[count++] = peer.Id;
            }
        }
        handler(this, ids);
    }
}
