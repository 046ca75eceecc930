using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Server.Hosting;

namespace Parley.Server.Api;

/// <summary>Collects field errors into one validation problem (400 with <c>errors</c>).</summary>
internal sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            if (!_errors.TryGetValue(field, out var list))
            {
                _errors[field] = list = [];
            }
            list.Add(message);
        }
        return this;
    }

    public Validation UserName(string? userName, string field = "userName") =>
        Require(userName is { Length: >= 3 and <= 30 } && userName.All(c => AuthSetup.UserNameCharacters.Contains(c, StringComparison.Ordinal)),
            field, "A user name has 3 to 30 letters, digits, '_' or '.'.");

    public Validation DisplayName(string? displayName, string field = "displayName") =>
        Require(displayName?.Trim() is { Length: >= 1 and <= 50 }, field, "A display name has 1 to 50 characters.");

    public Validation Add(string field, string message) => Require(false, field, message);

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
