#!/usr/bin/env bash
# The service behind a real nginx (Debian's package, run as this script's own process on loopback ports): two
# instances over one database built from data/, nginx in front with a shared cache, then node --test proxy.test.mjs
# drives three clients from three loopback addresses through it. Installs nginx when missing. Exits non-zero on any
# failure; prints the burst's figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx-light >/dev/null
  $sudo systemctl disable --now nginx >/dev/null 2>&1 || $sudo service nginx stop >/dev/null 2>&1 || true   # only ours runs
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
pids=()
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'; }
port=$(free_port); a=$(free_port); b=$(free_port)

dotnet build src/IncidentApi -c Release --nologo -v q
dotnet run --project src/IncidentApi.DataBuild -c Release -- --data data --out "$work/incidents.db" >/dev/null
for upstream in "$a" "$b"; do
  (cd src/IncidentApi && ASPNETCORE_ENVIRONMENT=Production Database__Path="$work/incidents.db" Database__SeedPath= \
    Proxy__TrustedProxies__0=127.0.0.1 RateLimit__PermitsPerSecond=10 RateLimit__Burst=20 \
    exec dotnet bin/Release/net10.0/IncidentApi.dll --urls "http://127.0.0.1:$upstream" > "$work/service-$upstream.log" 2>&1) &
  pids+=($!)
done
for upstream in "$a" "$b"; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$upstream/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
done

sed -e "s|@WORK@|$work|g" -e "s|@PORT@|$port|g" -e "s|@UPSTREAM_A@|127.0.0.1:$a|g" -e "s|@UPSTREAM_B@|127.0.0.1:$b|g" \
  tests/proxy/nginx.conf.template > "$work/nginx.conf"
mkdir -p "$work/cache"
"$nginx_bin" -c "$work/nginx.conf" -p "$work" 2> >(grep -v 'the "user" directive makes sense only' >&2)
for _ in $(seq 1 40); do [ -f "$work/nginx.pid" ] && break; sleep 0.25; done

status=0
PROXY_URL="http://localhost:$port" node --test tests/proxy/ || status=$?
if [ "$status" -ne 0 ]; then
  echo "proxy: tests failed; nginx and service logs end:" >&2
  tail -n 20 "$work/error.log" "$work"/service-*.log >&2
fi
exit "$status"
