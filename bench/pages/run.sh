#!/usr/bin/env bash
# Public page weight and cached first byte: publishes the product (Release), starts it on 127.0.0.1
# with a fresh data folder and the default recipe, and runs page_weight.py against it.
# Usage: bench/pages/run.sh        (needs python3 and curl)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/fenghua-pages.XXXXXX)
dotnet publish src/Fenghua.Cms.Web -c Release -o "$work/app" >/dev/null
FENGHUA_ADMIN_PASSWORD=Bench-Only-2026 ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$work/app/Fenghua.Cms.Web.dll" --urls http://127.0.0.1:5611 --Fenghua:DataPath "$work/data" \
  --Fenghua:RecipesPath "$PWD/recipes" --Fenghua:ThemesPath "$PWD/themes" --Logging:LogLevel:Default Warning >"$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:5611/healthz >/dev/null && break; sleep 0.5; done
echo "$(nproc) cores, $(date -u +%FT%TZ)"
python3 bench/pages/page_weight.py http://127.0.0.1:5611
