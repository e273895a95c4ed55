#!/usr/bin/env bash
# Rebuilds the single Initial migration of both providers from the current model.
# Used before the first release while the schema is still moving; after a release, add migrations instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-ef >/dev/null || dotnet tool install --global dotnet-ef --version 10.0.15
rm -rf Migrations/Sqlite Migrations/Postgres
dotnet ef migrations add Initial --context SqliteCmsDbContext --output-dir Migrations/Sqlite
dotnet ef migrations add Initial --context PostgresCmsDbContext --output-dir Migrations/Postgres
