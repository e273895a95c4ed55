#!/usr/bin/env bash
# Platform load benchmark: the product (Release) against nginx serving the same HTML as static files,
# all on 127.0.0.1 in one run, so the figures are read as ratios. Needs wrk and nginx (Debian packages).
# Usage: bench/platform/run.sh [duration-seconds]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15}
work=$(mktemp -d /tmp/fenghua-bench.XXXXXX)
chmod 755 "$work"   # nginx workers run as www-data
command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk nginx-light >/dev/null; }

dotnet publish src/Fenghua.Cms.Web -c Release -o "$work/app" >/dev/null
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; }
trap cleanup EXIT

start() { # port cache-enabled
  FENGHUA_ADMIN_PASSWORD=Bench-Only-2026 ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$work/app/Fenghua.Cms.Web.dll" --urls "http://127.0.0.1:$1" --Fenghua:DataPath "$work/data" \
    --Fenghua:RecipesPath "$PWD/recipes" --Fenghua:ThemesPath "$PWD/themes" --Fenghua:OutputCache:Enabled "$2" \
    --Logging:LogLevel:Default Warning >"$work/app-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return; sleep 0.5; done
  echo "product on port $1 did not start" >&2; cat "$work/app-$1.log" >&2; exit 1
}
start 5601 true    # installs the default recipe into $work/data
start 5602 false   # same store, output cache off

content=/zwgk/zcwj/2018/fzbf-2018-42
column=/zwgk/zcwj
mkdir -p "$work/static/zwgk/zcwj/2018" && chmod -R 755 "$work/static"
curl -sf "http://127.0.0.1:5601$content" >"$work/static$content.html"
curl -sf "http://127.0.0.1:5601$column" >"$work/static$column.html"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:5603;
    root $work/static;
    default_type "text/html; charset=utf-8";
    location / { try_files \$uri \$uri.html =404; }
  }
}
NGINX
nginx -c "$work/nginx.conf"

run() { # label url
  wrk -t1 -c16 -d5s "$2" >/dev/null 2>&1   # warm-up
  local out; out=$(wrk -t1 -c16 -d"${duration}s" --latency "$2")
  local rps p99
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-34s %10s req/s   p99 %8s   (%s bytes, HTTP %s)\n' "$1" "$rps" "$p99" "$(curl -s "$2" | wc -c)" "$(curl -s -o /dev/null -w '%{http_code}' "$2")"
  echo "$1|$rps" >>"$work/figures"
}
echo "wrk -t1 -c16 -d${duration}s on $(nproc) cores, $(date -u +%FT%TZ)"
run "nginx static content page" "http://127.0.0.1:5603$content"
run "cached content page" "http://127.0.0.1:5601$content"
run "uncached content page" "http://127.0.0.1:5602$content"
run "nginx static column page" "http://127.0.0.1:5603$column"
run "cached column page" "http://127.0.0.1:5601$column"
run "uncached column page" "http://127.0.0.1:5602$column"
awk -F'|' '{ r[$1] = $2 } END {
  printf "ratios to nginx static: cached content %.2f, uncached content %.2f, cached column %.2f, uncached column %.2f\n",
    r["cached content page"] / r["nginx static content page"], r["uncached content page"] / r["nginx static content page"],
    r["cached column page"] / r["nginx static column page"], r["uncached column page"] / r["nginx static column page"] }' "$work/figures"
