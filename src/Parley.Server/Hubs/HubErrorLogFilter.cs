using Microsoft.AspNetCore.SignalR;

namespace Parley.Server.Hubs;

/// <summary>
/// A refused action (<see cref="HubException"/>) is an answer, not a server error: it is not
/// logged. Anything else thrown by a hub method is logged here as an error. SignalR's own
/// dispatcher log, which would report both alike, is turned off in appsettings.json.
/// </summary>
internal sealed partial class HubErrorLogFilter(ILogger<HubErrorLogFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception exception) when (exception is not HubException and not OperationCanceledException)
        {
            LogFailed(logger, exception, invocationContext.HubMethodName);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method);
}
