using System.Collections.Concurrent;
using System.Text;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Notifier.Testing.Kakao;

/// <summary>
/// What reaches Notifier after Kakao handled a memo send as usual (and delivered it): a body Notifier cannot read, or
/// a page from something in between, as a reverse proxy answers when Kakao's own answer is late or lost.
/// </summary>
public sealed record MemoAnswer(int HttpStatus, string Body, string ContentType)
{
    /// <summary>A 2xx whose body is not Kakao's <c>{"result_code":0}</c>.</summary>
    public static MemoAnswer Garbled(int status = 200) => new(status, "<html><body>OK</body></html>", "text/html");

    /// <summary>A proxy's HTML error page (502, 504, ...) instead of Kakao's answer.</summary>
    public static MemoAnswer ProxyPage(int status) => new(status, $"<html><body><h1>{status}</h1>nginx</body></html>", "text/html");

    /// <summary>An empty body with this status.</summary>
    public static MemoAnswer Empty(int status) => new(status, "", "text/plain");

    /// <summary>Kakao's JSON error body with this status and code.</summary>
    public static MemoAnswer KakaoError(int status, int code) => new(status, $$"""{"msg":"answered late","code":{{code}}}""", "application/json;charset=UTF-8");
}

public sealed partial class KakaoFake
{
    private readonly ConcurrentQueue<MemoAnswer> _answersAfterDelivery = new();
    private int _answerOverrideMapped;

    /// <summary>
    /// The next memo sends Kakao accepts are delivered, and then answered with these instead of Kakao's
    /// <c>200 {"result_code":0}</c>, in order. A send Kakao refuses is answered as usual and takes none of them.
    /// </summary>
    public void AnswerAfterDelivery(params MemoAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _answersAfterDelivery.Enqueue(answer);
        }

        if (Interlocked.Exchange(ref _answerOverrideMapped, 1) == 0)
        {
            // A mapping ahead of the default one (a lower priority number wins): Kakao's logic, then the rewrite.
            _server.Given(Request.Create().WithPath("/v2/api/talk/memo/default/send").UsingPost())
                .AtPriority(-1)
                .RespondWith(Response.Create().WithCallback(MemoSendThenRewrite));
        }
    }

    private IResponseMessage MemoSendThenRewrite(IRequestMessage request)
    {
        var answer = MemoSend(request);
        if (answer.StatusCode is not 200 || !_answersAfterDelivery.TryDequeue(out var rewrite))
        {
            return answer;
        }

        var message = new ResponseMessage
        {
            StatusCode = rewrite.HttpStatus,
            BodyData = new BodyData { BodyAsString = rewrite.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", rewrite.ContentType);
        return message;
    }
}
