using Refit;

namespace Notifier.Core.Kakao;

/// <summary>Runs one Refit call and maps every way it can fail onto Notifier's Kakao exceptions.</summary>
/// <remarks>
/// Refit's own exceptions keep the request body (a refresh token, a client secret): they never travel further
/// than this class, not even as inner exceptions.
/// </remarks>
internal static class KakaoCall
{
    public static async Task<T> RunAsync<T>(
        Func<Task<IApiResponse<T>>> call,
        Func<int, string?, Exception> toError,
        CancellationToken cancellationToken)
    {
        var answer = await ReceiveAsync(call, cancellationToken);
        using (answer.Response)
        {
            if (answer.Response?.IsSuccessful == true && answer.Response.Content is { } content)
            {
                return content;
            }

            if (answer.Status is >= 200 and < 300)
            {
                throw new KakaoUnavailableException($"Kakao answered HTTP {answer.Status} with a body Notifier cannot read.");
            }

            throw toError(answer.Status, answer.ErrorBody);
        }
    }

    /// <summary>
    /// A memo send: any 2xx means Kakao took the memo, whatever the body says; a body that is not
    /// <c>{"result_code":0}</c> only adds a note. Anything else is mapped by <see cref="KakaoErrorReader.MemoError"/>.
    /// </summary>
    public static async Task<MemoReceipt> SendMemoAsync(Func<Task<IApiResponse<KakaoMemoResult>>> call, CancellationToken cancellationToken)
    {
        var answer = await ReceiveAsync(call, cancellationToken);
        using (answer.Response)
        {
            if (answer.Status is >= 200 and < 300)
            {
                return answer.Response?.IsSuccessful == true && answer.Response.Content is { ResultCode: 0 }
                    ? MemoReceipt.Clean
                    : new MemoReceipt($"Kakao answered HTTP {answer.Status} with a body Notifier cannot read; a 2xx means the memo was taken, so it is not resent");
            }

            throw KakaoErrorReader.MemoError(answer.Status, answer.ErrorBody);
        }
    }

    /// <summary>What came back: the response (null when Refit threw on it), its HTTP status and an error body.</summary>
    private readonly record struct Answer<T>(IApiResponse<T>? Response, int Status, string? ErrorBody);

    private static async Task<Answer<T>> ReceiveAsync<T>(Func<Task<IApiResponse<T>>> call, CancellationToken cancellationToken)
    {
        IApiResponse<T> response;
        try
        {
            response = await call();
        }
        catch (ApiException ex)
        {
            return new Answer<T>(null, (int)ex.StatusCode, ex.Content);
        }
        catch (Exception ex) when (ex is HttpRequestException or ApiRequestException or TaskCanceledException)
        {
            throw Unreached(ex is ApiRequestException ? ex.InnerException : ex, cancellationToken);
        }

        if (!response.IsReceived)
        {
            var cause = response.Error?.InnerException;
            response.Dispose();
            throw Unreached(cause, cancellationToken);
        }

        return new Answer<T>(response, response.StatusCode is { } code ? (int)code : 0, (response.Error as ApiException)?.Content);
    }

    private static KakaoUnavailableException Unreached(Exception? cause, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return cause switch
        {
            TaskCanceledException or TimeoutException =>
                new KakaoUnavailableException("No answer from Kakao within Kakao:TimeoutSeconds.", outcomeUnknown: true),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } http =>
                new KakaoUnavailableException("Kakao could not be reached.", outcomeUnknown: false, http),
            HttpRequestException http =>
                new KakaoUnavailableException("The connection to Kakao broke before its answer was read.", outcomeUnknown: true, http),
            _ => new KakaoUnavailableException("Kakao could not be reached.", outcomeUnknown: true),
        };
    }
}
