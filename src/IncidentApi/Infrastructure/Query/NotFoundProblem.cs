namespace IncidentApi.Infrastructure;

/// <summary>A 404 that says what was probably meant: the closest known value, and its address, as suggestion and suggestionUrl.</summary>
public static class NotFoundProblem
{
    public static ProblemHttpResult With(string detail, string? suggestion, Func<string, string> address) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
            detail: suggestion is null ? detail : $"{detail} Did you mean '{suggestion}'?",
            extensions: suggestion is null ? null : new Dictionary<string, object?> { ["suggestion"] = suggestion, ["suggestionUrl"] = address(suggestion) });
}
