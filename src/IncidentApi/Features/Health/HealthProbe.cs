namespace IncidentApi.Features.Health;

/// <summary>
/// <c>IncidentApi --probe URL</c>: exits 0 when URL answers 200, else 1. The container's HEALTHCHECK uses it,
/// because the runtime image has no curl or wget.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
