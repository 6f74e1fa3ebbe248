using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace IncidentApi.Infrastructure;

/// <summary>Where the service is reached from: configured by the operator, never taken from a client's Host header.</summary>
public sealed class ProxyOptions
{
    /// <summary>
    /// Addresses or CIDR networks of the reverse proxies in front of the service. Only their X-Forwarded-For, -Proto and
    /// -Host are believed; empty (the default) believes nobody's.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>The public root (e.g. https://api.example.org) that absolute links are built from, whatever the request says.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// Behind a load balancer: the client address (for rate limiting and logs) and the public scheme and host (for
/// absolute links) come from the forwarded headers of trusted proxies only. Absolute links are a cache-poisoning
/// risk, so they are built from <see cref="ProxyOptions.PublicBaseUrl"/> or a trusted proxy's X-Forwarded-Host,
/// and otherwise links stay relative: a Host header sent by a client never reaches a response.
/// </summary>
public static class Proxies
{
    public static WebApplicationBuilder AddProxies(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Proxy").Get<ProxyOptions>() ?? new();
        if (options.PublicBaseUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            throw new StartupException($"Proxy:PublicBaseUrl '{url}' is not an absolute URL (e.g. https://api.example.org).");
        builder.Services.AddSingleton(options);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = 1;                          // the address the nearest trusted proxy saw, nothing a client wrote before it
            o.KnownProxies.Clear();                      // the framework trusts loopback by default; here only what is configured
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.TrustedProxies)
            {
                if (System.Net.IPNetwork.TryParse(proxy, out var network)) o.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
                else throw new StartupException($"Proxy:TrustedProxies: '{proxy}' is neither an IP address nor a CIDR network.");
            }
        });
        return builder;
    }

    public static IApplicationBuilder UseProxies(this WebApplication app) =>
        app.Services.GetRequiredService<ProxyOptions>().TrustedProxies.Length > 0 ? app.UseForwardedHeaders() : app;

    /// <summary>The scheme and host that links in this response start with (no trailing slash), or null for relative links.</summary>
    public static string? LinkBase(HttpContext http)
    {
        if (http.RequestServices.GetRequiredService<ProxyOptions>().PublicBaseUrl is { Length: > 0 } configured)
            return configured.TrimEnd('/');
        // The forwarded-headers middleware keeps the original Host as X-Original-Host only when it took the host from a
        // trusted proxy's X-Forwarded-Host.
        var request = http.Request;
        return request.Headers.ContainsKey("X-Original-Host") && request.Host.HasValue
            ? $"{request.Scheme}://{request.Host.Value}"
            : null;
    }
}
