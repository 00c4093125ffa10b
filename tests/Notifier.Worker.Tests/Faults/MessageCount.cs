using Notifier.Core.Deliveries;
using Notifier.Testing.Kakao;

namespace Notifier.Worker.Tests.Faults;

/// <summary>Every message from request to Kakao: each carries a unique marker text, counted at the fake Kakao.</summary>
public sealed record MessageCount(int Requested, int Sent, int Unknown, int UnknownArrived, int Lost, int Duplicated)
{
    public static MessageCount Of(IReadOnlyDictionary<string, DeliveryStatus> statusByMarker, KakaoFake kakao)
    {
        var arrivals = kakao.Memos.Select(m => m.Template["text"]?.GetValue<string>() ?? "").GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        int Arrived(string marker) => arrivals.GetValueOrDefault(marker);
        var sent = statusByMarker.Count(s => s.Value == DeliveryStatus.Sent);
        var unknown = statusByMarker.Where(s => s.Value == DeliveryStatus.Unknown).ToList();
        return new MessageCount(
            statusByMarker.Count,
            sent,
            unknown.Count,
            unknown.Count(u => Arrived(u.Key) > 0),
            // Lost: neither sent nor unknown, or "sent" without ever arriving.
            statusByMarker.Count(s => s.Value is not (DeliveryStatus.Sent or DeliveryStatus.Unknown) || (s.Value == DeliveryStatus.Sent && Arrived(s.Key) == 0)),
            statusByMarker.Keys.Count(m => Arrived(m) > 1));
    }

    public override string ToString() =>
        $"requested {Requested}, sent {Sent}, unknown {Unknown} (of which arrived {UnknownArrived}), lost {Lost}, duplicated {Duplicated}";
}
