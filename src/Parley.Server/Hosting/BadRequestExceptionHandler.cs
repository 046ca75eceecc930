using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Parley.Server.Hosting;

/// <summary>
/// Unreadable request bodies (malformed JSON, an unknown enum value) become a 400 problem naming
/// what could not be read, in every environment (Development throws them by default).
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var detail = badRequest.InnerException is JsonException { Path: { } path }
            ? $"The request body could not be read at {path}."
            : "The request could not be read.";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = "Bad request", Detail = detail },
        });
    }
}
