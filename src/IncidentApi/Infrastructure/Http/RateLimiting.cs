using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Globalization;
using System.Threading.RateLimiting;

namespace IncidentApi.Infrastructure;

public sealed class RateLimitOptions
{
    public int PermitsPerSecond { get; set; } = 50;
    public int Burst { get; set; } = 200;
}

/// <summary>
/// A token bucket per client address (the forwarded one, from trusted proxies only: see <see cref="Proxies"/>), with
/// the quota announced on every response in the IETF fields of draft-ietf-httpapi-ratelimit-headers:
/// <c>RateLimit-Policy: "per-client";q=200;w=4</c> (a bucket of 200 that refills in 4 s) and
/// <c>RateLimit: "per-client";r=187;t=1</c> (187 requests left; full again in 1 s). Past it: 429 with Retry-After.
/// </summary>
public static class RateLimiting
{
    public const string Policy = "RateLimit-Policy", Remaining = "RateLimit", PolicyName = "per-client";

    public static WebApplicationBuilder AddRateLimiting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("RateLimit").Get<RateLimitOptions>() ?? new();
        if (options.PermitsPerSecond < 1 || options.Burst < 1)
            throw new StartupException("RateLimit:PermitsPerSecond and RateLimit:Burst must be whole numbers of at least 1.");
        var limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new()
            {
                TokenLimit = options.Burst, TokensPerPeriod = options.PermitsPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0, AutoReplenishment = true,
            }));
        builder.Services.AddSingleton(new ClientQuota(limiter, options));
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = limiter;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;   // the default would be 503
            o.OnRejected = async (ctx, _) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                ctx.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = 429, Detail = $"Too many requests from this address; retry after {retry} s." },
                });
            };
        });
        return builder;
    }

    /// <summary>The quota fields on every response (set as it starts, so a cached response gets this client's), then the limiter.</summary>
    public static IApplicationBuilder UseRateLimiting(this IApplicationBuilder app)
    {
        var quota = app.ApplicationServices.GetRequiredService<ClientQuota>();
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers[Policy] = quota.PolicyField;
                headers[Remaining] = quota.RemainingField(http);
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app.UseRateLimiter();
    }

    /// <summary>OpenAPI: the limiter sits in front of every endpoint and announces the quota on each 2xx and 4xx.</summary>
    public sealed class Docs : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            OperationDocs.Respond(operation, "429", "Rate limit exceeded (per client address, from trusted proxies' X-Forwarded-For behind a load balancer); retry after the number of seconds in Retry-After.",
                context, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), OperationDocs.Headers(("Retry-After", new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
                })));
            foreach (var (_, response) in operation.Responses!.Where(r => r.Key[0] is '2' or '4'))
                if (response is OpenApiResponse quoted)
                {
                    quoted.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    quoted.Headers[Policy] = PolicyHeader;
                    quoted.Headers[Remaining] = RemainingHeader;
                }
        }

        private static readonly OpenApiHeader PolicyHeader = new()
        {
            Description = "The per-client quota (IETF draft-ietf-httpapi-ratelimit-headers): q requests per window of w seconds, e.g. \"per-client\";q=200;w=4 " +
                "(a bucket of 200 requests that refills in 4 s).",
            Schema = OperationDocs.Text(100),
        };

        private static readonly OpenApiHeader RemainingHeader = new()
        {
            Description = "What is left of this client's quota: r requests remain, and the bucket is full again in t seconds (on a 429, t is the Retry-After), " +
                "e.g. \"per-client\";r=187;t=1.",
            Schema = OperationDocs.Text(100),
        };
    }

    internal sealed class ClientQuota(PartitionedRateLimiter<HttpContext> limiter, RateLimitOptions options)
    {
        private int Refill(long missing) => (int)Math.Ceiling(missing / (double)options.PermitsPerSecond);

        public string PolicyField { get; } = $"\"{PolicyName}\";q={options.Burst};w={Math.Max(1, (int)Math.Ceiling(options.Burst / (double)options.PermitsPerSecond))}";

        public string RemainingField(HttpContext http)
        {
            var left = Math.Max(0, limiter.GetStatistics(http)?.CurrentAvailablePermits ?? options.Burst);
            // t: seconds until the bucket is full again (0 when it is); on a 429 it is the Retry-After.
            var reset = http.Response.StatusCode == StatusCodes.Status429TooManyRequests && int.TryParse(http.Response.Headers.RetryAfter, out var retry)
                ? retry : Refill(options.Burst - left);
            return string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";r={left};t={reset}");
        }
    }
}
