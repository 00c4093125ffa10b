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
        IApiResponse<T> response;
        try
        {
            response = await call();
        }
        catch (ApiException ex)
        {
            throw toError((int)ex.StatusCode, ex.Content);
        }
        catch (Exception ex) when (ex is HttpRequestException or ApiRequestException or TaskCanceledException)
        {
            throw Unreached(ex is ApiRequestException ? ex.InnerException : ex, cancellationToken);
        }

        using (response)
        {
            if (!response.IsReceived)
            {
                throw Unreached(response.Error?.InnerException, cancellationToken);
            }

            if (response.IsSuccessful && response.Content is { } content)
            {
                return content;
            }

            var status = response.StatusCode is { } code ? (int)code : 0;
            if (response.IsSuccessful || status is >= 200 and < 300)
            {
                throw new KakaoUnavailableException($"Kakao answered HTTP {status} with a body Notifier cannot read.");
            }

            throw toError(status, (response.Error as ApiException)?.Content);
        }
    }

    private static KakaoUnavailableException Unreached(Exception? cause, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return cause switch
        {
            TaskCanceledException or TimeoutException =>
                new KakaoUnavailableException("Kakao did not answer in time.", outcomeUnknown: true),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } http =>
                new KakaoUnavailableException("Kakao could not be reached.", outcomeUnknown: false, http),
            HttpRequestException http =>
                new KakaoUnavailableException("The connection to Kakao broke before its answer was read.", outcomeUnknown: true, http),
            _ => new KakaoUnavailableException("Kakao could not be reached.", outcomeUnknown: true),
        };
    }
}
