namespace IncidentApi.Features.Explorer;

/// <summary>
/// The Explorer page at /: static HTML, CSS and JavaScript from wwwroot that read only the public API, so the page
/// is also a worked example of using it. Static files answer before routing, so the API's query checks never see
/// them: /?operation=sky-net is the page's own state, not an API request.
/// </summary>
public static class Explorer
{
    // Only the site itself: no inline script or style, no other origin, no plugins, never framed by another site.
    // form-action and frame-ancestors do not fall back to default-src, so they are named.
    public const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public static WebApplication UseExplorer(this WebApplication app)
    {
        app.UseDefaultFiles();   // / -> /index.html; must come before UseStaticFiles, which serves the rewritten path
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx =>
            {
                var headers = ctx.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.CacheControl = "no-cache";   // revalidate by ETag, so a new release shows at once and never half-mixed
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            },
        });
        return app;
    }
}
