#!/usr/bin/env bash
# Benchmark harness (issue 6): one run, on this machine, of IncidentApi against its own /health/live ceiling and
# against json-server 0.17.4 serving the same synthetic data. Prints the table and writes bench/RESULTS.md.
# Usage: bash bench/run.sh [N]   (default N = 100000; synthetic data only, never data/'s incidents)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
SMALL=1000
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

need=()
for tool in wrk sqlite3 curl bc; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi
npm --prefix bench ci --no-audit --no-fund --silent

echo "building (Release)..."
dotnet build src/IncidentApi -c Release --nologo -v q >/dev/null
build() {   # build N file -> prints seconds
  local start end
  start=$(date +%s.%N)
  dotnet run --project src/IncidentApi.DataBuild -c Release --no-build -- --data data --out "$2" --synthetic "$1" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
build_big=$(build "$N" "$work/big.db")
build "$SMALL" "$work/small.db" >/dev/null
echo "synthetic $N built in ${build_big}s"

serve() {   # db port -> pid; from the output folder, so appsettings.json (log levels) applies as in production
  (cd src/IncidentApi/bin/Release/net10.0 && ASPNETCORE_URLS="http://127.0.0.1:$2" Database__Path="$1" Database__SeedPath= \
    RateLimit__PermitsPerSecond=100000000 RateLimit__Burst=100000000 \
    exec dotnet IncidentApi.dll >"$work/api-$2.log" 2>&1) &
  echo $!
}
wait_ready() { for _ in $(seq 1 120); do curl -fs "$1/health/ready" >/dev/null && return 0; sleep 0.5; done; echo "not ready: $1" >&2; return 1; }

warm() { local url=$1; shift; wrk -t2 -c32 -d"$WARMUP" "$@" "$url" >/dev/null 2>&1 || true; }
# wrk -> "req/s p50_ms p99_ms errors"
measure() {
  local url=$1; shift
  warm "$url" "$@"
  wrk -t2 -c32 -d"$DURATION" --latency "$@" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = ms($2) } / 99%/ { p99 = ms($2) }
    /Non-2xx/ { err += $5 } /Socket errors/ { err += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, err }'
}

port=18090
big=http://127.0.0.1:$port
pid=$(serve "$work/big.db" $port); pids+=("$pid")
wait_ready "$big"
last=$(( (N + 49) / 50 ))
declare -A url=(
  [A]="/health/live"
  [B]="/api/v1/incidents"
  [C]="/api/v1/incidents?country=CA&from=2016&sort=-date"
  [D]="/api/v1/stats?groupBy=year,country"
  [E]="/api/v1/incidents/synthetic-$(printf %06d $((N / 2)))"
  [G]="/api/v1/incidents?page=$last&pageSize=50"
)
declare -A result
for k in A B C D E G; do warm "$big${url[$k]}"; done   # JIT and tiering settle before anything is measured
for k in A B C D E G; do result[$k]=$(measure "$big${url[$k]}"); echo "$k ${url[$k]}: ${result[$k]}"; done
result[F]=$(measure "$big" -s bench/q.lua); echo "F q=<different number each request>: ${result[F]}"

# H: the full CSV export, streamed: time to first byte and to the end.
read -r ttfb total size < <(curl -s -o /dev/null -w '%{time_starttransfer} %{time_total} %{size_download}\n' "$big/api/v1/incidents?format=csv")
rows=$(curl -s "$big/api/v1/incidents?format=csv" | tail -n +2 | grep -c '^synthetic-' || true)
rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
kill "$pid"

# The peer: json-server over the same rows (flat columns; it has no sources join, which only flatters it).
printf '{"incidents":' > "$work/db.json"
sqlite3 -json "$work/big.db" "SELECT id, title, date, date_precision AS datePrecision, origin_country AS originCountry,
  host_country AS hostCountry, operation, outcome, target_name AS targetName, target_name_zh AS targetNameZh,
  target_type AS targetType, summary FROM incidents ORDER BY date_start DESC, id" >> "$work/db.json"
printf '}' >> "$work/db.json"
jport=18091
(cd "$work" && exec node "$OLDPWD/bench/node_modules/json-server/lib/cli/bin.js" --port $jport --host 127.0.0.1 --quiet db.json >"$work/json-server.log" 2>&1) &
jpid=$!; pids+=("$jpid")
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$jport/incidents?_page=1&_limit=1" >/dev/null && break; sleep 0.5; done
peer=$(measure "http://127.0.0.1:$jport/incidents?_page=1&_limit=50"); echo "json-server first page of 50: $peer"
kill "$jpid"

# The same list URLs at N = 1,000, for the p99 growth ratio.
sport=18092
pid=$(serve "$work/small.db" $sport); pids+=("$pid")
wait_ready "http://127.0.0.1:$sport"
declare -A small
for u in "${url[B]}" "${url[C]}" "/api/v1/incidents?page=$(( (SMALL + 49) / 50 ))&pageSize=50"; do warm "http://127.0.0.1:$sport$u"; done
small[B]=$(measure "http://127.0.0.1:$sport${url[B]}")
small[C]=$(measure "http://127.0.0.1:$sport${url[C]}")
small[G]=$(measure "http://127.0.0.1:$sport/api/v1/incidents?page=$(( (SMALL + 49) / 50 ))&pageSize=50")
kill "$pid"

field() { echo "$1" | cut -d' ' -f"$2"; }
ratio() { echo "scale=2; $1 / $2" | bc; }
A_rps=$(field "${result[A]}" 1)
{
  echo "# Benchmark results"
  echo
  echo "One run of \`bash bench/run.sh $N\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo),"
  echo "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET $(dotnet --version), wrk 2 threads / 32 connections, ${WARMUP} warm-up + ${DURATION} per URL)."
  echo "The machine is shared and noisy: read the ratios, which were measured in this one run."
  echo
  echo "| | URL (N = $N synthetic incidents) | req/s | p50 ms | p99 ms | errors | ÷ A | target |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  for k in A B C D E F G; do
    r=${result[$k]}
    case $k in A) t="ceiling";; B|C|E) t="≥ 0.5";; D) t="≥ 0.3";; F) t="≥ 0.1";; G) t="p99 < 50 ms";; esac
    [ "$k" = B ] || [ "$k" = C ] && t="$t, p99 < 20 ms"
    u=${url[$k]:-"/api/v1/incidents?q=NNNNN (a different number each request)"}
    echo "| $k | \`$u\` | $(field "$r" 1) | $(field "$r" 2) | $(field "$r" 3) | $(field "$r" 4) | $(ratio "$(field "$r" 1)" "$A_rps") | $t |"
  done
  echo "| peer | json-server 0.17.4 \`/incidents?_page=1&_limit=50\` | $(field "$peer" 1) | $(field "$peer" 2) | $(field "$peer" 3) | $(field "$peer" 4) | $(ratio "$(field "$peer" 1)" "$A_rps") | |"
  echo
  echo "| figure | measured | target |"
  echo "|---|---:|---|"
  echo "| B ÷ json-server list page (req/s) | $(ratio "$(field "${result[B]}" 1)" "$(field "$peer" 1)")× | ≥ 5× |"
  for k in B C G; do
    echo "| p99 of $k at N = $N ÷ at N = $SMALL | $(field "${result[$k]}" 3) ÷ $(field "${small[$k]}" 3) = $(ratio "$(field "${result[$k]}" 3)" "$(field "${small[$k]}" 3)") | ≤ 2 |"
  done
  echo "| H: full CSV export of $N ($rows rows, $((size / 1048576)) MiB): first byte / total | ${ttfb}s / ${total}s | < 0.2 s / < 3 s |"
  echo "| service peak RSS (VmHWM) over the whole N = $N run | $((rss_kb / 1024)) MB | < 400 MB |"
  echo "| synthetic $N build | ${build_big}s | < 60 s |"
} | tee bench/RESULTS.md
