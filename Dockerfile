# IncidentApi: the database is built from data/ during the image build and baked in read-only.
# CI runs these same publish and build steps outside Docker (tools/smoke-publish.sh), as no engine runs there.
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/IncidentApi -c Release -o /app \
 && dotnet run --project src/IncidentApi.DataBuild -c Release -- --data data --out /app/incidents.db

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS runtime
WORKDIR /app
COPY --from=build --chown=root:root --chmod=0444 /app/incidents.db /app/incidents.db
COPY --from=build --chown=root:root /app /app
# No seed path: the image serves exactly the database it was built with and never writes to it, so it also
# runs with a read-only root filesystem (docker run --read-only).
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__Path=/app/incidents.db \
    Database__SeedPath=
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["dotnet", "/app/IncidentApi.dll", "--probe", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["dotnet", "/app/IncidentApi.dll"]
