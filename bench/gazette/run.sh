#!/usr/bin/env bash
# Imports the corpus into a freshly installed store three ways and prints the CLI's figures.
# Usage: bench/gazette/run.sh            (run from anywhere in the clone; needs only the .NET SDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$(mktemp -d /tmp/fenghua-gazette-bench.XXXXXX)
dotnet build src/Fenghua.Cms.Web -v q -nologo >/dev/null
dotnet build src/Fenghua.Cms.Cli -v q -nologo >/dev/null
# First start installs the default recipe (portal, sub-sites, gazette column and sample issues); stop it once listening.
(cd src/Fenghua.Cms.Web; FENGHUA_ADMIN_PASSWORD=bench-only-password-1 dotnet bin/Debug/net10.0/Fenghua.Cms.Web.dll \
   --Fenghua:DataPath "$data" --urls "http://127.0.0.1:$((20000 + RANDOM % 20000))" > "$data/web.log" 2>&1 & echo $! > "$data/web.pid")
pid=$(cat "$data/web.pid")
until grep -qs "Application started" "$data/web.log"; do kill -0 "$pid" 2>/dev/null || { cat "$data/web.log"; exit 1; }; sleep 1; done
kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
mkdir "$data/fresh"; cp "$data"/fenghua.db* "$data/fresh/"   # with its -wal file: SQLite runs in WAL mode
cli() { /usr/bin/time -f "  wall %e s, user %U s, sys %S s, max RSS %M KB" dotnet src/Fenghua.Cms.Cli/bin/Debug/net10.0/fenghua.dll "$@" --Fenghua:DataPath "$data" 2>&1 >"$data/out.txt" | grep -v "^拒绝" || true; tail -1 "$data/out.txt"; }
echo "1. whole corpus, batches of 250 (default):"; cli gazette import tests/data/gov-docs.jsonl.gz
echo "2. second run (idempotent, nothing changes):"; cli gazette import tests/data/gov-docs.jsonl.gz
rm -f "$data"/fenghua.db*; cp "$data"/fresh/fenghua.db* "$data/"
echo "3. whole corpus, one transaction per document (--batch 1):"; cli gazette import tests/data/gov-docs.jsonl.gz --batch 1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
rm -rf "$data"
